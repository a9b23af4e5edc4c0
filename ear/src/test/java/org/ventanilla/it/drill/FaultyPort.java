package org.ventanilla.it.drill;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP port on loopback in front of a real server (GreenMail's SMTP, the Cloud API stand-in) that
 * a drill turns faulty: it forwards, refuses connections (nothing listens), stalls (accepts and
 * never says a word, so the client's read timeout must end it), or answers every connection with a
 * canned line and hangs up (an SMTP {@code 421} greeting).
 */
final class FaultyPort implements AutoCloseable {

  enum Mode {
    FORWARD,
    REFUSE,
    STALL,
    ANSWER
  }

  private final int port;
  private final int target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.FORWARD;
  private volatile String answer = "";
  private ServerSocket server;

  FaultyPort(int target) {
    this.target = target;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    listen();
  }

  int port() {
    return port;
  }

  void forward() {
    switchTo(Mode.FORWARD);
  }

  /** Nothing listens on the port: connections are refused. */
  void refuse() {
    switchTo(Mode.REFUSE);
  }

  /** Connections are accepted and then nothing ever comes back. */
  void stall() {
    switchTo(Mode.STALL);
  }

  /** Every connection gets {@code line} and is closed. */
  void answer(String line) {
    answer = line;
    switchTo(Mode.ANSWER);
  }

  private synchronized void switchTo(Mode next) {
    mode = next;
    // Connections of the earlier mode end, as they would when a server goes away or comes back.
    open.forEach(FaultyPort::closeQuietly);
    open.clear();
    if (next == Mode.REFUSE) {
      closeQuietly(server);
      server = null;
    } else if (server == null) {
      listen();
    }
  }

  private synchronized void listen() {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      server = socket;
      daemon(() -> accept(socket));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + port + " again", e);
    }
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        return;
      }
      open.add(client);
      switch (mode) {
        case FORWARD -> daemon(() -> pipe(client));
        case STALL -> {
          // kept open and silent until the mode changes or the client gives up
        }
        case ANSWER -> {
          try {
            OutputStream out = client.getOutputStream();
            out.write(answer.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            daemon(() -> drainAndClose(client));
          } catch (IOException e) {
            closeQuietly(client);
          }
        }
        case REFUSE -> closeQuietly(client);
      }
    }
  }

  private void pipe(Socket client) {
    try {
      Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
      open.add(upstream);
      daemon(() -> copy(upstream, client));
      copy(client, upstream);
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  private static void copy(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: both go
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Reads what the client still says (its QUIT) so that closing does not reset the connection. */
  private static void drainAndClose(Socket client) {
    try {
      client.setSoTimeout(2_000);
      InputStream in = client.getInputStream();
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // discard
      }
    } catch (IOException e) {
      // done either way
    } finally {
      closeQuietly(client);
    }
  }

  private static void daemon(Runnable task) {
    Thread thread = new Thread(task, "faulty-port");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing
    }
  }

  @Override
  public synchronized void close() {
    mode = Mode.REFUSE;
    closeQuietly(server);
    open.forEach(FaultyPort::closeQuietly);
  }
}
