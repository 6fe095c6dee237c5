package io.imgedge.transform.codec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * An encoder backed by one ImageIO writer provider, with a function that fills in the write
 * parameters. No image metadata is passed, so none is written.
 */
final class ImageIoEncoder implements ImageEncoder {
  private final ImageWriterSpi provider;
  private final BiConsumer<ImageWriteParam, EncodeOptions> configure;

  ImageIoEncoder(ImageWriterSpi provider, BiConsumer<ImageWriteParam, EncodeOptions> configure) {
    this.provider = provider;
    this.configure = configure;
  }

  @Override
  public byte[] encode(BufferedImage image, EncodeOptions options) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, image.getWidth() * image.getHeight() / 4));
    ImageWriter writer = null;
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer = provider.createWriterInstance();
      ImageWriteParam param = writer.getDefaultWriteParam();
      configure.accept(param, options);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding failed in " + provider.getClass().getName(), e);
    } finally {
      if (writer != null) {
        writer.dispose();
      }
    }
    return bytes.toByteArray();
  }

  /** The writer provider. */
  ImageWriterSpi provider() {
    return provider;
  }

  /** The provider class, for the start-up log and /metrics. */
  String providerName() {
    return provider.getClass().getName();
  }
}
