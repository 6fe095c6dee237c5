package io.imgedge.transform.pipeline;

import io.imgedge.transform.TransformTimeoutException;
import java.util.List;
import java.util.stream.Collectors;

/** An ordered list of steps; the context's deadline is checked before each one. */
public final class Pipeline {
  private final List<Step> steps;

  private Pipeline(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** A pipeline of these steps, run in this order. */
  public static Pipeline of(Step... steps) {
    return new Pipeline(List.of(steps));
  }

  /** Runs every step in order. */
  public void run(PipelineContext context) {
    for (Step step : steps) {
      if (context.deadlinePassed()) {
        throw new TransformTimeoutException(step.name());
      }
      step.apply(context);
    }
  }

  /** The steps in order. */
  public List<Step> steps() {
    return steps;
  }

  @Override
  public String toString() {
    return steps.stream().map(Step::name).collect(Collectors.joining(" -> ", "Pipeline[", "]"));
  }
}
