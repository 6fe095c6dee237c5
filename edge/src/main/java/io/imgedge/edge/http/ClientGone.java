package io.imgedge.edge.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.ImmediatePooledByteBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Tells whether a client that is waiting for an answer has hung up. Undertow notices a closed
 * connection only when it next reads or writes, and during a long wait it does neither, so a client
 * that leaves would go unnoticed until its answer is written (nginx asks the kernel for the same
 * thing, {@code EPOLLRDHUP}). This reads one byte, without blocking, from the connection of an
 * HTTP/1.1 exchange whose request has been read: end of stream means the client has gone; a byte (a
 * pipelined next request) is handed back to the connection unread.
 */
final class ClientGone {
  private ClientGone() {}

  /** Whether the client of this exchange has closed its connection; false when it cannot tell. */
  static boolean test(HttpServerExchange exchange) {
    if (!(exchange.getConnection() instanceof HttpServerConnection connection)
        || !exchange.isRequestComplete()) {
      return false;
    }
    if (!connection.isOpen()) {
      return true;
    }
    ByteBuffer one = ByteBuffer.allocate(1);
    try {
      int n = connection.getChannel().getSourceChannel().read(one);
      if (n > 0) {
        one.flip();
        connection.ungetRequestBytes(new ImmediatePooledByteBuffer(one));
      }
      return n < 0;
    } catch (IOException e) {
      return true; // reset by the peer
    }
  }
}
