package io.imgedge.transform.pipeline;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An ordered list of steps; the context's deadline (time up, or nobody waits any more) is checked
 * before each one, and inside long loops through {@link io.imgedge.transform.RenderScope}.
 */
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
      context.checkpoint(step.name());
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
