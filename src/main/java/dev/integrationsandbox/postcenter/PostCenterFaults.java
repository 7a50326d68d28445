package dev.integrationsandbox.postcenter;

import static dev.integrationsandbox.spi.FaultPreset.Stage.EDGE;

import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.FaultPreset;
import java.util.List;

/**
 * How PostCenter fails, as presets for {@code POST /__sandbox/faults}, in its {@code
 * {"status":…,"message":…}} dialect. PostCenter documents neither answer; the statuses are those of
 * any hosted API under load or in trouble. Both happen before the request is handled.
 */
final class PostCenterFaults {

  private PostCenterFaults() {}

  /**
   * Too many requests: 429 {@code {"status":429,"message":"Too Many Requests"}}, Retry-After 60.
   */
  static final FaultPreset THROTTLED =
      new FaultPreset(
          "throttled",
          EDGE,
          call ->
              new PostCenterDialect()
                  .render(Failure.protocol(429, "throttled"), call)
                  .header("Retry-After", "60"));

  /** 500 {@code {"status":500,"message":"Internal server error"}}. */
  static final FaultPreset SERVER_ERROR =
      new FaultPreset(
          "serverError",
          EDGE,
          call -> new PostCenterDialect().render(Failure.of(Failure.Kind.INTERNAL, "fault"), call));

  static final List<FaultPreset> ALL = List.of(THROTTLED, SERVER_ERROR);
}
