// The CEILING of the load benchmark: the cheapest Vert.x 5 HTTP server that can answer a
// request. Every request, whatever its method or path, gets 200 with the exact bytes of
// <bodyfile> and "Content-Type: application/json". No routing, no parsing, no logging.
//
// Run in Java 17 source-launch mode against the sandbox's fat jar (it holds vertx-core 5):
//   java -cp target/integration-sandbox.jar bench/Ceiling.java <port> <bodyfile> [instances]
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

public class Ceiling {

  static final class Server extends VerticleBase {
    private final int port;
    private final Buffer body;

    Server(int port, Buffer body) {
      this.port = port;
      this.body = body;
    }

    @Override
    public Future<?> start() {
      String length = Integer.toString(body.length());
      return vertx
          .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
          .requestHandler(
              req ->
                  req.response()
                      .putHeader("Content-Type", "application/json")
                      .putHeader("Content-Length", length)
                      .end(body))
          .listen();
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Ceiling.java <port> <bodyfile> [instances]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Buffer body = Buffer.buffer(Files.readAllBytes(Path.of(args[1])));
    int instances =
        args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx();
    vertx
        .deployVerticle(() -> new Server(port, body), new DeploymentOptions().setInstances(instances))
        .onSuccess(
            id ->
                System.out.println(
                    "ceiling listening on 127.0.0.1:"
                        + port
                        + " ("
                        + instances
                        + " instances, "
                        + body.length()
                        + " body bytes)"))
        .onFailure(
            err -> {
              err.printStackTrace();
              System.exit(1);
            });
  }
}
