package io.imgedge.edge.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A loopback server that accepts each connection, reads a little, and resets it (TCP RST). */
public final class ResettingServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread acceptor;

  private ResettingServer(ServerSocket socket) {
    this.socket = socket;
    this.acceptor = Thread.ofVirtual().start(this::accept);
  }

  /** Starts on a free loopback port. */
  public static ResettingServer start() {
    try {
      return new ResettingServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base URL. */
  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        s.getInputStream().read(new byte[256]);
        s.setSoLinger(true, 0); // close with RST
      } catch (IOException e) {
        // closed, or the client went away
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    acceptor.interrupt();
  }
}
