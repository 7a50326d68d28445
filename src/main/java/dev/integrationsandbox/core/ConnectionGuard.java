package dev.integrationsandbox.core;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Keeps clients from holding the server's sockets: each connection must send a complete request
 * head within the head timeout of connecting or of its last answer (a slowloris that trickles
 * header bytes, or a keep-alive connection left idle, is closed), and past the connection cap the
 * oldest connection is closed to make room for the newest, so that a health probe still gets in
 * while thousands of idle connections are open. Shared by every event loop.
 */
final class ConnectionGuard {

  private final Vertx vertx;
  private final long headTimeoutMillis;
  private final int maxConnections;
  private final ConcurrentLinkedDeque<HttpConnection> open = new ConcurrentLinkedDeque<>();
  private final Set<HttpConnection> live = ConcurrentHashMap.newKeySet();
  private final ConcurrentHashMap<HttpConnection, Long> deadlines = new ConcurrentHashMap<>();

  ConnectionGuard(Vertx vertx, Duration headTimeout, int maxConnections) {
    this.vertx = vertx;
    this.headTimeoutMillis = Math.max(1, headTimeout.toMillis());
    this.maxConnections = maxConnections;
  }

  /** For {@code HttpServer.connectionHandler}. */
  Handler<HttpConnection> onConnection() {
    return connection -> {
      open.addLast(connection);
      live.add(connection);
      connection.closeHandler(
          v -> {
            live.remove(connection);
            disarm(connection);
            open.remove(connection);
          });
      arm(connection);
      while (open.size() > maxConnections) {
        HttpConnection oldest = open.pollFirst();
        if (oldest == null || oldest == connection) {
          break;
        }
        oldest.close();
      }
    };
  }

  /** A request head arrived: the connection is busy until its answer has been sent. */
  void requestArrived(HttpConnection connection) {
    disarm(connection);
  }

  /** The answer was sent: the next request head must come within the head timeout. */
  void answered(HttpConnection connection) {
    if (live.contains(connection)) {
      arm(connection);
    }
  }

  private void arm(HttpConnection connection) {
    long timer = vertx.setTimer(headTimeoutMillis, id -> connection.close());
    Long previous = deadlines.put(connection, timer);
    if (previous != null) {
      vertx.cancelTimer(previous);
    }
  }

  private void disarm(HttpConnection connection) {
    Long timer = deadlines.remove(connection);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }

  int openConnections() {
    return live.size();
  }
}
