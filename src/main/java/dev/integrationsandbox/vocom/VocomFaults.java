package dev.integrationsandbox.vocom;

import static dev.integrationsandbox.spi.FaultPreset.Stage.EDGE;

import dev.integrationsandbox.spi.FaultPreset;
import java.util.List;

/**
 * How Vocom fails, as presets for {@code POST /__sandbox/faults}: HTTP 200 with {@code
 * "status":"error"}, always, in the command's own error shape.
 */
final class VocomFaults {

  private VocomFaults() {}

  /**
   * The PBX's database or event socket failing: {@code status_type} {@code execute_failed}
   * (VENDOR-FACTS §4). The command is not carried out.
   */
  static final FaultPreset EXECUTE_FAILED =
      new FaultPreset(
          "executeFailed",
          EDGE,
          call ->
              new VocomDialect()
                  .render(StatusType.EXECUTE_FAILED.failure("the PBX failed (armed fault)"), call));

  static final List<FaultPreset> ALL = List.of(EXECUTE_FAILED);
}
