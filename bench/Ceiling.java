// The CEILING of the load benchmark: the cheapest Vert.x 5 HTTP server that can answer a
// request. Every request, whatever its method, gets 200 with the exact bytes of a file and
// "Content-Type: application/json": the file given for its path (<path>=<file>), else
// <bodyfile>. No router, no parsing, no logging: one hash-map lookup on the path, and none at
// all when no <path>=<file> is given.
//
// Run in Java 17 source-launch mode against the sandbox's fat jar (it holds vertx-core 5):
//   java -cp target/integration-sandbox.jar bench/Ceiling.java <port> <bodyfile> [instances]
//        [<path>=<file> ...]
// [instances] (default: number of cores) HTTP server verticles share the port, one per
// event loop, so the ceiling uses the cores the way a multi-instance deployment would.
// Binds 127.0.0.1 only. Prints "ceiling listening on 127.0.0.1:<port>" when ready.

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

public class Ceiling {

  static final class Server extends VerticleBase {
    private final int port;
    private final Buffer body;
    private final Map<String, Buffer> byPath;

    Server(int port, Buffer body, Map<String, Buffer> byPath) {
      this.port = port;
      this.body = body;
      this.byPath = byPath;
    }

    @Override
    public Future<?> start() {
      String length = Integer.toString(body.length());
      HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port);
      if (byPath.isEmpty()) {
        return vertx
            .createHttpServer(options)
            .requestHandler(
                req ->
                    req.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Content-Length", length)
                        .end(body))
            .listen();
      }
      return vertx
          .createHttpServer(options)
          .requestHandler(
              req -> {
                Buffer answer = byPath.getOrDefault(req.path(), body);
                req.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Content-Length", Integer.toString(answer.length()))
                    .end(answer);
              })
          .listen();
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Ceiling.java <port> <bodyfile> [instances] [<path>=<file> ...]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Buffer body = Buffer.buffer(Files.readAllBytes(Path.of(args[1])));
    int instances =
        args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    Map<String, Buffer> byPath = new HashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq <= 0) {
        System.err.println("not <path>=<file>: " + args[i]);
        System.exit(2);
      }
      byPath.put(
          args[i].substring(0, eq),
          Buffer.buffer(Files.readAllBytes(Path.of(args[i].substring(eq + 1)))));
    }
    Vertx vertx = Vertx.vertx();
    vertx
        .deployVerticle(
            () -> new Server(port, body, byPath), new DeploymentOptions().setInstances(instances))
        .onSuccess(
            id ->
                System.out.println(
                    "ceiling listening on 127.0.0.1:"
                        + port
                        + " ("
                        + instances
                        + " instances, "
                        + body.length()
                        + " default body bytes, "
                        + byPath.size()
                        + " paths)"))
        .onFailure(
            err -> {
              err.printStackTrace();
              System.exit(1);
            });
  }
}
