package org.newsflow.ingest.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * An HTTP/1.1 server on 127.0.0.1 that answers every request with {@code 304 Not Modified} on keep-alive
 * connections, from one selector thread. The poll benchmark measures the client; the JDK's HttpServer tops out
 * near the client's own rate on two cores, so it would measure itself instead.
 *
 * <p>It reads requests only far enough to find where each ends (the blank line; feed polls are GETs without a
 * body) and does not parse them.
 */
public final class NotModifiedServer implements AutoCloseable {

  private static final byte[] RESPONSE = ("HTTP/1.1 304 Not Modified\r\n"
      + "ETag: \"v1\"\r\n"
      + "Cache-Control: max-age=0\r\n"
      + "\r\n").getBytes(StandardCharsets.US_ASCII);

  private final ServerSocketChannel server;
  private final Selector selector;
  private final Thread loop;
  private volatile boolean running = true;

  /** Binds an ephemeral port on 127.0.0.1 and starts serving. */
  public NotModifiedServer() throws IOException {
    server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress("127.0.0.1", 0), 4096);
    server.configureBlocking(false);
    selector = Selector.open();
    server.register(selector, SelectionKey.OP_ACCEPT);
    loop = Thread.ofPlatform().name("not-modified-server").daemon().start(this::serve);
  }

  /** The port it listens on. */
  public int port() {
    return ((InetSocketAddress) server.socket().getLocalSocketAddress()).getPort();
  }

  /** Per connection: how far into a possible end-of-headers sequence the bytes read so far are. */
  private static final class Connection {
    int matched;
    final ByteBuffer in = ByteBuffer.allocate(8192);
    ByteBuffer out;
  }

  private void serve() {
    try {
      while (running) {
        selector.select(200);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          try {
            if (key.isAcceptable()) {
              accept();
            } else {
              if (key.isReadable()) {
                read(key);
              }
              if (key.isValid() && key.isWritable()) {
                write(key);
              }
            }
          } catch (IOException e) {
            close(key);
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("304 server failed", e);
    }
  }

  private void accept() throws IOException {
    SocketChannel c;
    while ((c = server.accept()) != null) {
      c.configureBlocking(false);
      c.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
      c.register(selector, SelectionKey.OP_READ, new Connection());
    }
  }

  private void read(SelectionKey key) throws IOException {
    Connection conn = (Connection) key.attachment();
    SocketChannel c = (SocketChannel) key.channel();
    conn.in.clear();
    int n = c.read(conn.in);
    if (n < 0) {
      close(key);
      return;
    }
    int requests = 0;
    byte[] bytes = conn.in.array();
    for (int i = 0; i < n; i++) {
      byte b = bytes[i];
      // CR LF CR LF: states 0..3 count the bytes of it matched so far
      conn.matched = switch (conn.matched) {
        case 0, 2 -> b == '\r' ? conn.matched + 1 : 0;
        case 1 -> b == '\n' ? 2 : b == '\r' ? 1 : 0;
        default -> b == '\n' ? 4 : b == '\r' ? 1 : 0;
      };
      if (conn.matched == 4) {
        requests++;
        conn.matched = 0;
      }
    }
    if (requests > 0) {
      ByteBuffer out = ByteBuffer.allocate(RESPONSE.length * requests + (conn.out == null ? 0 : conn.out.remaining()));
      if (conn.out != null) {
        out.put(conn.out);
      }
      for (int r = 0; r < requests; r++) {
        out.put(RESPONSE);
      }
      out.flip();
      conn.out = out;
      write(key);
    }
  }

  private void write(SelectionKey key) throws IOException {
    Connection conn = (Connection) key.attachment();
    if (conn.out == null) {
      key.interestOps(SelectionKey.OP_READ);
      return;
    }
    ((SocketChannel) key.channel()).write(conn.out);
    if (conn.out.hasRemaining()) {
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    } else {
      conn.out = null;
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  private static void close(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException ignored) {
      // the connection is gone either way
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    try {
      loop.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    selector.close();
    server.close();
  }
}
