package io.imgedge.edge.packaged;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command a README reader starts and leaves running (a node, a cluster): its output is collected
 * line by line so that a test can wait for a line, and closing it stops it and everything it
 * started.
 */
final class Launched implements AutoCloseable {
  private final String name;
  private final Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();

  private Launched(String name, Process process) {
    this.name = name;
    this.process = process;
    Thread.ofVirtual()
        .name("output of " + name)
        .start(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  output.add(line);
                }
              } catch (IOException e) {
                output.add("(output unreadable: " + e + ")");
              }
            });
  }

  /** Starts the command with its standard error merged into its output. */
  static Launched start(String name, ProcessBuilder pb) throws IOException {
    return new Launched(name, pb.redirectErrorStream(true).start());
  }

  /**
   * Waits for the first output line that {@code pattern} finds something in, and returns its match.
   */
  Matcher awaitLine(Pattern pattern, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    int seen = 0;
    while (true) {
      List<String> lines = List.copyOf(output);
      for (; seen < lines.size(); seen++) {
        Matcher m = pattern.matcher(lines.get(seen));
        if (m.find()) {
          return m;
        }
      }
      if (!process.isAlive() && seen == output.size()) {
        throw new AssertionError(
            name
                + " exited ("
                + process.exitValue()
                + ") without printing /"
                + pattern
                + "/:\n"
                + output());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            name + " did not print /" + pattern + "/ within " + max + ":\n" + output());
      }
      process.waitFor(50, TimeUnit.MILLISECONDS);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Everything printed so far. */
  String output() {
    return String.join("\n", output);
  }

  /** Stops the command (SIGTERM, then SIGKILL) and whatever it started. */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle child : children) {
      child.onExit().completeOnTimeout(child, 20, TimeUnit.SECONDS).join();
      child.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return name;
  }

  static Duration seconds(long s) {
    return Duration.ofSeconds(s);
  }
}
