package io.imgedge.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP meaning and stable IDs of every failure: a contract with the edge's error handler. */
class TransformExceptionTest {

  @Test
  void everyKind_hasItsStatusAndStableId() {
    List<TransformException> all =
        List.of(
            new InvalidParameterException("width", "abc", "pixels"),
            new UnsupportedImageException("u"),
            new InvalidImageException("i"),
            new ImageTooLargeException("t"),
            new TransformTimeoutException("Resize"),
            new RenderAbandonedException("Resize"),
            new InsufficientMemoryException(new OutOfMemoryError("Java heap space")));
    assertThat(all)
        .extracting(TransformException::status)
        .containsExactly(400, 415, 422, 422, 503, 503, 503);
    assertThat(all)
        .extracting(TransformException::errorId)
        .containsExactly(
            "IMGEDGE-0101",
            "IMGEDGE-0201",
            "IMGEDGE-0203",
            "IMGEDGE-0204",
            "IMGEDGE-0501",
            "IMGEDGE-0506",
            "IMGEDGE-0507")
        .doesNotHaveDuplicates();
    for (TransformException e : all) {
      String kind =
          switch (e) {
            case InvalidParameterException p -> "parameter " + p.parameter();
            case UnsupportedImageException u -> "unsupported";
            case InvalidImageException i -> "invalid";
            case ImageTooLargeException t -> "too large";
            case TransformTimeoutException t -> "timeout";
            case RenderAbandonedException a -> "abandoned";
            case InsufficientMemoryException m -> "out of memory";
          };
      assertThat(kind).isNotBlank();
    }
  }

  @Test
  void invalidImage_keepsItsCauseForTheLog() {
    var cause = new java.io.IOException("Premature end of JPEG file");
    assertThat(new InvalidImageException("bad", cause).getCause()).isSameAs(cause);
  }

  @Test
  void timeout_namesTheStep() {
    assertThat(new TransformTimeoutException("Resize").getMessage()).contains("'Resize'");
  }
}
