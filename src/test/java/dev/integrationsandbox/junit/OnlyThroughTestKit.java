package dev.integrationsandbox.junit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only inside an {@code EngineTestKit} execution that sets {@value #KEY}: the
 * classes that fail on purpose, to show what the extension reports, must not fail the build.
 */
final class OnlyThroughTestKit implements ExecutionCondition {

  static final String KEY = "integrationsandbox.selftest";

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context.getConfigurationParameter(KEY).isPresent()
        ? ConditionEvaluationResult.enabled("inside the extension's own tests")
        : ConditionEvaluationResult.disabled("runs only through IntegrationSandboxTest");
  }
}
