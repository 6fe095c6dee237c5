package io.imgedge.edge.http;

/**
 * What every HTTP listener of a node is set up with, whether Undertow's builder makes it (admin,
 * internal, TLS public ports) or the hit front's {@code PublicListener} does (the plain public
 * port): one place, so the ports cannot drift apart.
 */
public final class ListenerSettings {
  /** Task threads of Undertow's worker (requests wait on virtual threads, not here). */
  public static final int WORKER_THREADS = 8;

  /** The longest request head accepted; longer gets Undertow's refusal. */
  public static final int MAX_HEADER_SIZE = 16 * 1024;

  /** The largest request body accepted (purge and internal requests are small). */
  public static final long MAX_ENTITY_SIZE = 64L * 1024;

  private ListenerSettings() {}

  /** IO threads: one per core, at least two. */
  public static int ioThreads() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }
}
