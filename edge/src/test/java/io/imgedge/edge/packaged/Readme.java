package io.imgedge.edge.packaged;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable parts of README.md, read the way a reader copies them: the command lines of its
 * {@code sh} blocks (with their trailing comments, which say what to expect), the URL examples of
 * its parameter tables, and the line it says a node logs when it is ready.
 */
final class Readme {
  private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
  private static final Pattern TABLE_URL = Pattern.compile("`(/[\\w./-]+\\?[^`\\s]+)`");
  private static final Pattern READY =
      Pattern.compile("It logs one line when ready, e\\.g\\.\\s+`([^`]+)`");

  /**
   * One command line of a {@code sh} block.
   *
   * @param line the README line number (1-based)
   * @param text the command, without its trailing comment
   * @param comment the trailing comment (what the reader should see), or empty
   * @param output lines of the block after it that show its output ({@code # ...} lines), without
   *     the {@code # }
   */
  record Command(int line, String text, String comment, List<String> output) {
    @Override
    public String toString() {
      return "README.md:" + line + ": " + text;
    }
  }

  private final List<String> lines;

  private Readme(List<String> lines) {
    this.lines = lines;
  }

  static Readme load(Path file) throws IOException {
    return new Readme(Files.readAllLines(file));
  }

  /** Every command line of every {@code sh} block, in order. */
  List<Command> commands() {
    List<Command> out = new ArrayList<>();
    String block = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher fence = FENCE.matcher(line);
      if (fence.matches()) {
        block = block == null ? fence.group(1) : null;
        continue;
      }
      if (!"sh".equals(block) || line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        if (out.isEmpty()) {
          throw new IllegalStateException(
              "README.md:" + (i + 1) + ": an output line before any command");
        }
        out.getLast().output().add(line.replaceFirst("^#\\s?", ""));
        continue;
      }
      int hash = commentStart(line);
      String text = (hash < 0 ? line : line.substring(0, hash)).strip();
      String comment = hash < 0 ? "" : line.substring(hash + 1).strip();
      out.add(new Command(i + 1, text, comment, new ArrayList<>()));
    }
    return out;
  }

  /**
   * The URL examples ({@code `/path?query`}) of the "URL examples" and "Supported parameters"
   * tables.
   */
  Set<String> tableUrls() {
    Set<String> urls = new LinkedHashSet<>();
    String section = "";
    for (String line : lines) {
      if (line.startsWith("## ")) {
        section = line.substring(3).strip();
      }
      if (line.startsWith("|")
          && (section.equals("URL examples") || section.equals("Supported parameters"))) {
        Matcher m = TABLE_URL.matcher(line);
        while (m.find()) {
          urls.add(m.group(1));
        }
      }
    }
    return urls;
  }

  /** The start-up line the README quotes. */
  String readyLine() {
    Matcher m = READY.matcher(String.join("\n", lines));
    if (!m.find()) {
      throw new IllegalStateException(
          "README.md no longer quotes the ready line ('It logs one line when ready, e.g. `...`')");
    }
    return m.group(1);
  }

  /**
   * Where a trailing {@code #} comment starts: a {@code #} after a space, outside quotes; -1 if
   * none.
   */
  private static int commentStart(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
        return i;
      }
    }
    return -1;
  }
}
