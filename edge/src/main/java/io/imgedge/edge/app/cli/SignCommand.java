package io.imgedge.edge.app.cli;

import io.imgedge.edge.security.UrlSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code imgedge sign}: prints a signed URL (path and query) for an origin that requires signing.
 */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description =
        "Sign an image URL, e.g. imgedge sign --key $KEY --expires-in 1h '/photo.jpg?width=400'")
public final class SignCommand implements Callable<Integer> {
  @Option(
      names = "--key",
      required = true,
      description = "The signing key, hex (one of security.signing-keys).")
  String key;

  @Option(
      names = "--expires-in",
      paramLabel = "SECONDS",
      description = "Add an expiry this many seconds from now.")
  @Nullable Long expiresIn;

  @Parameters(
      paramLabel = "PATH?QUERY",
      description = "The path and query to sign, e.g. /photo.jpg?width=400.")
  String url;

  @Override
  public Integer call() {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q + 1);
    if (expiresIn != null) {
      long at = Instant.now().plus(Duration.ofSeconds(expiresIn)).getEpochSecond();
      query = (query.isEmpty() ? "" : query + "&") + UrlSigner.EXPIRES + "=" + at;
    }
    UrlSigner signer = new UrlSigner(List.of(HexFormat.of().parseHex(key)));
    System.out.println(path + "?" + signer.sign(path, query.isEmpty() ? null : query));
    return 0;
  }
}
