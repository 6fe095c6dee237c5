package io.imgedge.edge.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where access log lines go: a bounded queue drained by one writer thread, so that a slow disk or
 * pipe never holds up an IO thread; when the queue is full, lines are dropped and counted ({@link
 * #dropped()}) rather than queued without bound.
 */
public final class AccessLog implements AutoCloseable {
  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(16_384);
  private final LongAdder dropped = new LongAdder();
  private final Writer out;
  private final Thread writer;
  private volatile boolean open = true;

  /**
   * @param out where lines are written (flushed whenever the queue runs empty)
   */
  public AccessLog(Writer out) {
    this.out = out;
    this.writer = Thread.ofPlatform().daemon().name("imgedge-access-log").start(this::drain);
  }

  /** An access log to a file (appended to), or to standard output when {@code file} is empty. */
  public static AccessLog to(String file) {
    try {
      Writer w =
          file.isEmpty()
              ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
              : Files.newBufferedWriter(
                  Path.of(file),
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND);
      return new AccessLog(new BufferedWriter(w, 64 * 1024));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the access log " + file, e);
    }
  }

  /** Queues one line (without its newline); never blocks. */
  public void add(String line) {
    if (!lines.offer(line)) {
      dropped.increment();
    }
  }

  /** Lines dropped because the writer could not keep up. */
  public long dropped() {
    return dropped.sum();
  }

  private void drain() {
    List<String> batch = new ArrayList<>();
    while (open || !lines.isEmpty()) {
      try {
        String first = lines.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        lines.drainTo(batch, 1023);
        for (String l : batch) {
          out.write(l);
          out.write('\n');
        }
        batch.clear();
        if (lines.isEmpty()) {
          out.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException e) {
        dropped.add(batch.size());
        batch.clear();
      }
    }
  }

  /** Writes what is queued and stops. */
  @Override
  public void close() {
    open = false;
    try {
      writer.join(5_000);
      out.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // nothing more can be done about the log itself
    }
  }
}
