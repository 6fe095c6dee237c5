package io.imgedge.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VariantBudgetTest {
  private final AtomicLong millis =
      new AtomicLong(Instant.parse("2026-11-22T12:00:10Z").toEpochMilli());
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(millis.get());
        }
      };
  private final VariantBudget budget = new VariantBudget(3, clock);
  private final SourceId photo = new SourceId("site", "photo.jpg");

  private DerivativeKey key(String spec) {
    return new DerivativeKey(photo, "width=" + spec.charAt(0), "jpeg", 2, "00000000");
  }

  @Test
  void admit_beyondTheLimitInAMinute_is429WithRetryAfter() {
    budget.admit(photo, key("a"));
    budget.admit(photo, key("b"));
    budget.admit(photo, key("c"));
    assertThatThrownBy(() -> budget.admit(photo, key("d")))
        .isInstanceOfSatisfying(
            TooManyVariantsException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.retryAfterSeconds()).isEqualTo(50);
            });
  }

  @Test
  void admit_sameVariantAgain_doesNotCount_andOtherSourcesHaveTheirOwn() {
    budget.admit(photo, key("a"));
    budget.admit(photo, key("a"));
    budget.admit(photo, key("b"));
    budget.admit(photo, key("c"));
    budget.admit(new SourceId("site", "other.jpg"), key("a"));
  }

  @Test
  void admit_nextMinute_startsAfresh() {
    budget.admit(photo, key("a"));
    budget.admit(photo, key("b"));
    budget.admit(photo, key("c"));
    millis.addAndGet(60_000);
    budget.admit(photo, key("d"));
  }
}
