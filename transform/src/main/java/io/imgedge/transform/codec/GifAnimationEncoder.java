package io.imgedge.transform.codec;

import io.imgedge.transform.ops.Quantizer;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes GIFs with the JDK writer, one frame at a time: each frame gets its own 256-colour palette
 * ({@link Quantizer}, transparency below half opacity), its delay (in hundredths of a second) and,
 * when it has transparency, the "restore to background" disposal, so that the next complete frame
 * is not drawn over this one. The first frame carries the NETSCAPE2.0 loop count. A still GIF is an
 * animation of one frame without a loop count.
 */
final class GifAnimationEncoder implements AnimationEncoder {
  private static final String FORMAT = "javax_imageio_gif_image_1.0";

  private final ImageWriter writer;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ImageOutputStream out;
  private final int loopCount;
  private boolean first = true;

  /**
   * @param loopCount the NETSCAPE2.0 loop count (0 = forever), or -1 to write none
   */
  GifAnimationEncoder(ImageWriterSpi provider, int loopCount) {
    this.loopCount = loopCount;
    try {
      this.writer = provider.createWriterInstance();
      this.out = new MemoryCacheImageOutputStream(bytes);
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a GIF", e);
    }
  }

  @Override
  public void add(BufferedImage frame, int delayMillis) {
    BufferedImage indexed = Quantizer.quantize(frame, 256, true);
    ImageWriteParam param = writer.getDefaultWriteParam();
    IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(indexed), param);
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
    IIOMetadataNode gce = child(root, "GraphicControlExtension");
    int transparent = ((IndexColorModel) indexed.getColorModel()).getTransparentPixel();
    gce.setAttribute("disposalMethod", transparent >= 0 ? "restoreToBackgroundColor" : "none");
    gce.setAttribute("delayTime", Integer.toString(Math.round(delayMillis / 10f)));
    gce.setAttribute("transparentColorFlag", transparent >= 0 ? "TRUE" : "FALSE");
    gce.setAttribute("transparentColorIndex", Integer.toString(Math.max(0, transparent)));
    if (first && loopCount >= 0) {
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, (byte) (loopCount & 0xFF), (byte) (loopCount >> 8 & 0xFF)});
      child(root, "ApplicationExtensions").appendChild(app);
    }
    try {
      meta.setFromTree(FORMAT, root);
      writer.writeToSequence(new IIOImage(indexed, null, meta), param);
    } catch (IOException e) {
      throw new UncheckedIOException("GIF encoding failed", e);
    }
    first = false;
  }

  @Override
  public byte[] finish() {
    try {
      writer.endWriteSequence();
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("GIF encoding failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equals(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }
}
