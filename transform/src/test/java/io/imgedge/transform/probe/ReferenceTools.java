package io.imgedge.transform.probe;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reference tool (avifdec, jxlinfo) on a file, for tests that compare the probe with it;
 * such a test is skipped where the tool is not installed.
 */
final class ReferenceTools {
  private ReferenceTools() {}

  /** The tool's output for {@code data} written to a temporary file, or the test is skipped. */
  static String run(String tool, String option, byte[] data) throws Exception {
    assumeTrue(onPath(tool), tool + " is not installed");
    Path file = Files.createTempFile("probe-", ".bin");
    try {
      Files.write(file, data);
      Process p =
          new ProcessBuilder(tool, option, file.toString()).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, tool + " failed");
      return new String(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
