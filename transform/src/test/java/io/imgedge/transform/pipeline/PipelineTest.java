package io.imgedge.transform.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imgedge.transform.ImageFormat;
import io.imgedge.transform.TransformTimeoutException;
import io.imgedge.transform.spec.Orientation;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.testing.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PipelineTest {

  @Test
  void run_runsStepsInOrder() {
    List<String> ran = new ArrayList<>();
    Pipeline p = Pipeline.of(new Named("a", ran), new Named("b", ran), new Named("c", ran));
    p.run(context(Long.MAX_VALUE, () -> 0));
    assertThat(ran).containsExactly("a", "b", "c");
    assertThat(p.toString()).isEqualTo("Pipeline[a -> b -> c]");
  }

  @Test
  void run_checksTheDeadlineBeforeEachStep_withAFakeClock() {
    List<String> ran = new ArrayList<>();
    AtomicLong now = new AtomicLong(0);
    Step slow =
        new Step() {
          @Override
          public void apply(PipelineContext context) {
            ran.add("slow");
            now.addAndGet(1_000); // this step "takes" 1000 ns
          }

          @Override
          public String name() {
            return "slow";
          }
        };
    Pipeline p = Pipeline.of(slow, new Named("next", ran));

    assertThatThrownBy(() -> p.run(context(500, now::get)))
        .isInstanceOf(TransformTimeoutException.class)
        .hasMessageContaining("'next'")
        .satisfies(e -> assertThat(((TransformTimeoutException) e).status()).isEqualTo(503));
    assertThat(ran).containsExactly("slow");
  }

  @Test
  void run_exactlyAtTheDeadline_stillRuns() {
    List<String> ran = new ArrayList<>();
    Pipeline.of(new Named("a", ran)).run(context(7, () -> 7));
    assertThat(ran).containsExactly("a");
  }

  @Test
  void steps_nameThemselvesAfterTheirClass() {
    assertThat(new AutoOrient().name()).isEqualTo("AutoOrient");
    assertThat(Pipeline.of(new AutoOrient(), new Flatten()).steps()).hasSize(2);
  }

  private static PipelineContext context(long deadline, java.util.function.LongSupplier clock) {
    return Contexts.of(
        TestImages.solid(2, 2, 0xFF000000),
        TransformSpec.NONE,
        Orientation.NORMAL,
        ImageFormat.PNG,
        deadline,
        clock);
  }

  private record Named(String name, List<String> ran) implements Step {
    @Override
    public void apply(PipelineContext context) {
      ran.add(name);
    }
  }
}
