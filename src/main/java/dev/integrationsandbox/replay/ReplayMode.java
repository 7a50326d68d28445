package dev.integrationsandbox.replay;

import dev.integrationsandbox.core.ModeHandler;
import dev.integrationsandbox.core.SandboxRoutes;
import dev.integrationsandbox.record.PersonalDataFields.Marks;
import dev.integrationsandbox.record.PersonalDataMask;
import dev.integrationsandbox.record.Redactor;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Replay mode: a vendor answered from a recording made in proxy mode. A request is brought to the
 * shape the recorder would have written (redacted, masked with the same key, volatile fields left
 * out) and looked up in the {@link ReplayIndex}; repeated requests get their recorded answers in
 * order, then the last one again. A request that matches nothing gets a 404 naming the closest
 * recorded requests and how each differs ({@link NearMiss}), also in {@value #MISS_HEADER}.
 *
 * <p>Nothing is authenticated: the recording holds the vendor's verdicts (a recorded 401 is
 * replayed), and credentials are redacted on both sides, so a token obtained in the replay stands
 * where the recording had the original one. Ids come back as recorded, so a client that sends back
 * an id it learned sends the recorded one.
 *
 * <pre>
 * java -jar integration-sandbox.jar --mode btg=replay --replay-from rec/
 * </pre>
 */
public final class ReplayMode implements ModeHandler<Void> {

  /** Names the closest recorded requests when nothing matched. */
  public static final String MISS_HEADER = "X-Sandbox-Miss";

  private final String vendor;
  private final ReplayIndex index;
  private final Redactor redactor;
  private final PersonalDataMask mask;
  private final int bodyLimit;
  private final ReplayCursor cursor;

  private ReplayMode(
      String vendor, ReplayIndex index, Redactor redactor, PersonalDataMask mask, int bodyLimit) {
    this.vendor = vendor;
    this.index = index;
    this.redactor = redactor;
    this.mask = mask;
    this.bodyLimit = bodyLimit;
    this.cursor = new ReplayCursor(index.all().size());
  }

  /**
   * @param recordings the recordings read, of which the vendor's exchanges are answered from
   * @param contract the vendor's contract, for its volatile request fields
   * @param mask the recorder's personal-data mask (same key, and the contract's personal-data
   *     marks, so that a live request is masked field by field as its recording was), or null when
   *     it did not mask
   * @param bodyLimit the recorder's body limit: a larger body was recorded by its size only
   */
  public static ReplayMode of(
      String vendor,
      Recordings recordings,
      JsonObject contract,
      Redactor redactor,
      PersonalDataMask mask,
      int bodyLimit) {
    return new ReplayMode(
        vendor,
        ReplayIndex.of(recordings.of(vendor), VolatileFields.of(contract)),
        redactor,
        mask,
        bodyLimit);
  }

  /** Each world follows the recording on its own. */
  @Override
  public ModeHandler<Void> forWorld() {
    return new ReplayMode(vendor, index, redactor, mask, bodyLimit);
  }

  @Override
  public void reset() {
    cursor.reset();
  }

  /** Recorded requests outside the contract were forwarded then, and are answered now. */
  @Override
  public boolean refusesInvalidRequests() {
    return false;
  }

  /** A miss is the sandbox's own answer (a fault may add notes to either, so no note decides). */
  @Override
  public Handling handling(Reply reply) {
    return reply.headers().contains(MISS_HEADER) ? Handling.GATEWAY : Handling.REPLAYED;
  }

  @Override
  public Future<Reply> answer(Call call, Void principal) {
    RequestShape shape = shape(call);
    Reply recorded = recorded(shape);
    return Future.succeededFuture(recorded != null ? recorded : miss(shape, call.operationId()));
  }

  /** The next recorded answer to the call, or null when nothing recorded matches it. */
  Reply recorded(Call call) {
    return recorded(shape(call));
  }

  private Reply recorded(RequestShape shape) {
    ShapeKey key = shape.key();
    List<Recorded> answers = index.answers(key);
    return answers.isEmpty() ? null : cursor.take(key, answers).reply();
  }

  private Reply miss(RequestShape shape, String operation) {
    List<NearMiss.Candidate> closest =
        NearMiss.closest(shape, index.candidates(shape, operation), index.ignored());
    String header = NearMiss.header(closest);
    return Reply.json(404, NearMiss.body(shape, closest))
        .header(MISS_HEADER, header.isEmpty() ? "nothing recorded for " + vendor : header)
        .withNote("replay miss: " + (header.isEmpty() ? "nothing recorded" : header));
  }

  private RequestShape shape(Call call) {
    String target =
        redactor.uri(
            SandboxRoutes.withoutWorld(call.path())
                + (call.rawQuery() == null ? "" : "?" + call.rawQuery()));
    Object body = redactor.body(call.body().raw(), call.header("Content-Type"), bodyLimit);
    if (mask != null) {
      Marks marks = mask.fields().of(vendor, call.operationId());
      target = mask.target(target, marks);
      body = mask.json(body, marks.request());
    }
    return RequestShape.of(call.method().name(), target, body, index.ignored());
  }

  /**
   * Which recorded exchanges this world was served, and which never: {@code GET /__sandbox/replay}.
   */
  public JsonObject progress(int limit) {
    JsonArray served = new JsonArray();
    JsonArray never = new JsonArray();
    int servedCount = 0;
    for (Recorded r : index.all()) {
      boolean was = cursor.served(r.position());
      servedCount += was ? 1 : 0;
      JsonArray list = was ? served : never;
      if (list.size() < limit) {
        list.add(new JsonObject().put("id", r.id()).put("operation", r.operation()));
      }
    }
    return new JsonObject()
        .put("vendor", vendor)
        .put("recorded", index.all().size())
        .put("servedCount", servedCount)
        .put("neverServedCount", index.all().size() - servedCount)
        .put("served", served)
        .put("neverServed", never);
  }
}
