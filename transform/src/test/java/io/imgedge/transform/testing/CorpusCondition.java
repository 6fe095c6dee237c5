package io.imgedge.transform.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The condition behind {@link RequiresCorpus}. */
final class CorpusCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (Corpus.directory().isPresent()) {
      return ConditionEvaluationResult.enabled("the shared test corpus is available");
    }
    String why = Corpus.whyMissing();
    if (Corpus.isCi()) {
      throw new AssertionError("the shared test corpus is required on CI but missing: " + why);
    }
    return ConditionEvaluationResult.disabled("the shared test corpus is not available: " + why);
  }
}
