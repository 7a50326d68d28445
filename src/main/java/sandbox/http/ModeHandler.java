package sandbox.http;

import io.vertx.core.Future;
import sandbox.vendor.Call;
import sandbox.vendor.Reply;

/** Answers a routed call in one mode: emulate now; proxy and replay plug in here. */
@FunctionalInterface
public interface ModeHandler {
  Future<Reply> handle(Call call);
}
