package io.imgedge.transform.pipeline;

/**
 * One stage of the pipeline. A step that has nothing to do for a request leaves the context as is.
 */
public interface Step {

  /** Transforms the context's image (or, for the last step, encodes it). */
  void apply(PipelineContext context);

  /** The step's name, for timeouts, logs and traces. */
  default String name() {
    return getClass().getSimpleName();
  }
}
