package io.imgedge.transform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.imgedge.transform.InvalidParameterException;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;

/**
 * Fuzzes the public attack surface: any query string either parses into a spec whose canonical form
 * parses back to it, or fails with {@link InvalidParameterException} (a 400). Nothing else may
 * escape. Runs the saved inputs ({@code QueryParserFuzzTestInputs/}) in every test run; fuzz for
 * real with {@code JAZZER_FUZZ=1} (see README, "Fuzzing").
 */
class QueryParserFuzzTest {
  private static final TransformSpecParser PARSER =
      new TransformSpecParser(TransformDefaults.FASTLY);

  @FuzzTest(maxDuration = "10m")
  void parse_anyQuery_isASpecOrA400(byte[] input) {
    String query = new String(input, java.nio.charset.StandardCharsets.UTF_8);
    TransformSpec spec;
    try {
      spec = PARSER.parse(query);
    } catch (InvalidParameterException e) {
      assertThat(e.status()).isEqualTo(400);
      return;
    }
    assertThat(PARSER.parse(spec.canonical())).isEqualTo(spec);
  }
}
