package dev.integrationsandbox.core;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Keeps clients from holding the server's sockets: each connection must send a complete request
 * head within the idle timeout of connecting or of its last answer (a slowloris that trickles
 * header bytes, or a keep-alive connection left idle, is closed), and past the connection cap the
 * oldest connection is closed to make room for the newest, so that a health probe still gets in
 * while thousands of idle connections are open. Shared by every event loop.
 *
 * <p>A request costs two field writes: a sweep, a few times per timeout, closes the connections
 * that waited too long, instead of a timer armed and cancelled per request.
 */
final class ConnectionGuard {

  /** One connection's state: busy while a request is being answered, else idle since when. */
  private static final class Watch {
    volatile boolean busy;
    volatile long idleSince = System.nanoTime();
  }

  private final long idleNanos;
  private final int maxConnections;
  private final ConcurrentLinkedDeque<HttpConnection> order = new ConcurrentLinkedDeque<>();
  private final ConcurrentHashMap<HttpConnection, Watch> watches = new ConcurrentHashMap<>();
  private final long sweeper;
  private final Vertx vertx;

  ConnectionGuard(Vertx vertx, Duration idleTimeout, int maxConnections) {
    this.vertx = vertx;
    this.idleNanos = idleTimeout.toNanos();
    this.maxConnections = maxConnections;
    long every = Math.max(10, Math.min(1000, idleTimeout.toMillis() / 4));
    this.sweeper = vertx.setPeriodic(every, id -> sweep());
  }

  /** For {@code HttpServer.connectionHandler}. */
  Handler<HttpConnection> onConnection() {
    return connection -> {
      order.addLast(connection);
      watches.put(connection, new Watch());
      connection.closeHandler(
          v -> {
            watches.remove(connection);
            order.remove(connection);
          });
      while (watches.size() > maxConnections) {
        HttpConnection oldest = order.pollFirst();
        if (oldest == null || oldest == connection) {
          break;
        }
        watches.remove(oldest);
        oldest.close();
      }
    };
  }

  /** A request head arrived: the connection is busy until its answer has been sent. */
  void requestArrived(HttpConnection connection) {
    Watch w = watches.get(connection);
    if (w != null) {
      w.busy = true;
    }
  }

  /**
   * How long the rest of a refused request's body is read and dropped before the connection closes:
   * closing on a client that is still sending would reset the connection, and the reset can destroy
   * the answer before the client reads it.
   */
  static final long LINGER_MILLIS = 2_000;

  /**
   * The answer was sent: the next request head must come within the idle timeout, unless the answer
   * said {@code Connection: close}. Vert.x keeps the connection open whatever the response says (it
   * decides from the request alone), so an answer that announces the close makes it here (RFC 9112
   * §9.6), after the rest of the request's body, or {@link #LINGER_MILLIS}; so does one on a
   * connection whose body could not be decoded, as nothing after it can be read.
   */
  void answered(HttpServerRequest request) {
    HttpConnection connection = request.connection();
    if ("close".equalsIgnoreCase(request.response().headers().get(HttpHeaders.CONNECTION))
        || StrictRequestDecoder.unreadableBody(connection) != null) {
      closeAfterBody(request);
      return;
    }
    Watch w = watches.get(connection);
    if (w != null) {
      w.idleSince = System.nanoTime();
      w.busy = false;
    }
  }

  private void closeAfterBody(HttpServerRequest request) {
    HttpConnection connection = request.connection();
    if (request.isEnded()) {
      connection.close();
      return;
    }
    long linger = vertx.setTimer(LINGER_MILLIS, id -> connection.close());
    try {
      request
          .handler(dropped -> {})
          .exceptionHandler(e -> connection.close())
          .endHandler(
              v -> {
                vertx.cancelTimer(linger);
                connection.close();
              })
          .resume();
    } catch (IllegalStateException unreadable) {
      vertx.cancelTimer(linger);
      connection.close();
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    watches.forEach(
        (connection, w) -> {
          if (!w.busy && now - w.idleSince > idleNanos) {
            connection.close();
          }
        });
  }

  int openConnections() {
    return watches.size();
  }

  void stop() {
    vertx.cancelTimer(sweeper);
  }
}
