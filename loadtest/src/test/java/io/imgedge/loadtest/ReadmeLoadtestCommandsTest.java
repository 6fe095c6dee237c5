package io.imgedge.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Issue 14: the README's {@code ./imgedge loadtest ...} lines. A scenario or benchmark runs for
 * minutes, so here each line's options must be ones its command has ({@link ScenarioSmokeTest} and
 * {@link AvifSideBySideSmokeTest} run the commands briefly); a {@code --help} line runs, and the
 * options its comment lists must exist. (edge's ReadmeCommandsTest runs the README's other blocks.)
 */
class ReadmeLoadtestCommandsTest {
  private static final Path README =
      Path.of(System.getProperty("imgedge.root.dir", "..")).resolve("README.md");
  private static final Pattern LINE =
      Pattern.compile("^\\./imgedge loadtest (\\S.*?)(?:\\s+#\\s*(.*))?$");

  @TestFactory
  Stream<DynamicTest> everyLoadtestLineOfTheReadme() throws IOException {
    List<String> lines = Files.readAllLines(README);
    List<DynamicTest> tests = new ArrayList<>();
    boolean inShell = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        inShell = !inShell && line.equals("```sh");
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (inShell && m.matches()) {
        String[] args = m.group(1).trim().split("\\s+");
        String comment = m.group(2) == null ? "" : m.group(2);
        tests.add(
            dynamicTest("README.md:" + (i + 1) + ": " + line.trim(), () -> check(args, comment)));
      }
    }
    assertThat(tests).as("the README shows how to run the load scenarios").isNotEmpty();
    return tests.stream();
  }

  private static void check(String[] args, String comment) {
    CommandLine cl = LoadTestMain.commandLine();
    ParseResult parsed = cl.parseArgs(args); // throws on an unknown command or option
    ParseResult leaf = parsed;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    if (Arrays.asList(args).contains("--help")) {
      StringWriter out = new StringWriter();
      CommandLine fresh = LoadTestMain.commandLine();
      fresh.setOut(new PrintWriter(out));
      assertThat(fresh.execute(args)).isZero();
      assertThat(out.toString()).contains("Usage:");
      Matcher options = Pattern.compile("--[a-z][a-z-]*").matcher(comment);
      while (options.find()) {
        assertThat(leaf.commandSpec().findOption(options.group()))
            .as("option " + options.group())
            .isNotNull();
      }
    }
  }
}
