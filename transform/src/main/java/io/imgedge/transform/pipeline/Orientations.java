package io.imgedge.transform.pipeline;

import io.imgedge.transform.spec.Orientation;
import java.awt.image.BufferedImage;
import org.imgscalr.Scalr;
import org.imgscalr.Scalr.Rotation;

/** Applies an EXIF-numbered orientation with imgscalr's exact quadrant rotations and flips. */
final class Orientations {
  private Orientations() {}

  static BufferedImage apply(BufferedImage image, Orientation orientation) {
    return switch (orientation) {
      case NORMAL -> image;
      case FLIP_HORIZONTAL -> Scalr.rotate(image, Rotation.FLIP_HORZ);
      case ROTATE_180 -> Scalr.rotate(image, Rotation.CW_180);
      case FLIP_VERTICAL -> Scalr.rotate(image, Rotation.FLIP_VERT);
      case TRANSPOSE -> Scalr.rotate(Scalr.rotate(image, Rotation.CW_90), Rotation.FLIP_HORZ);
      case ROTATE_90 -> Scalr.rotate(image, Rotation.CW_90);
      case TRANSVERSE -> Scalr.rotate(Scalr.rotate(image, Rotation.CW_90), Rotation.FLIP_VERT);
      case ROTATE_270 -> Scalr.rotate(image, Rotation.CW_270);
    };
  }
}
