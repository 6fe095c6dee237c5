package io.imgedge.transform.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The cache key holds the canonical query, so canonicalisation must be exact: the same derivative
 * however it is asked for, and different derivatives never under one key. Properties over random
 * valid queries ({@link ValidQueries}); a failure shrinks to the fewest parameters that show it.
 */
class CanonicalisationProperties {
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  /** A random subset of the parameters, each with a random valid value. */
  @Provide
  Arbitrary<List<String>> validQueries() {
    return Arbitraries.subsetOf(ValidQueries.PARAMETERS.keySet())
        .flatMap(
            names ->
                Arbitraries.randomValue(
                    r ->
                        names.stream()
                            .sorted()
                            .map(name -> ValidQueries.PARAMETERS.get(name).apply(r))
                            .toList()));
  }

  /** Query parameters that are not Fastly IO's (tracking, cache busting): never part of the key. */
  @Provide
  Arbitrary<String> foreignParameters() {
    Arbitrary<String> name =
        Arbitraries.oneOf(
            Arbitraries.of(
                "utm_source", "utm_medium", "fbclid", "gclid", "v", "cb", "_", "ref", "s"),
            Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(1)
                .ofMaxLength(12)
                .map(s -> "x-" + s));
    Arbitrary<String> value = Arbitraries.strings().ofMaxLength(40);
    return net.jqwik.api.Combinators.combine(name, value)
        .as((n, v) -> n + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
  }

  @Property(tries = 2000)
  void canonical_parsesBackToTheSameSpec_andIsAFixedPoint(
      @ForAll("validQueries") List<String> params) {
    TransformSpec spec = parser.parse(String.join("&", params));
    TransformSpec again = parser.parse(spec.canonical());
    assertThat(again).as("canonical %s", spec.canonical()).isEqualTo(spec);
    assertThat(again.canonical()).isEqualTo(spec.canonical());
  }

  @Property(tries = 1000)
  void parameterOrder_neverChangesTheSpec(
      @ForAll("validQueries") List<String> params, @ForAll Random random) {
    List<String> shuffled = new ArrayList<>(params);
    Collections.shuffle(shuffled, random);
    assertThat(parser.parse(String.join("&", shuffled)))
        .isEqualTo(parser.parse(String.join("&", params)));
  }

  @Property(tries = 1000)
  void foreignParameters_neverChangeTheKey(
      @ForAll("validQueries") List<String> params,
      @ForAll("foreignParameters") String foreign,
      @ForAll Random random) {
    List<String> with = new ArrayList<>(params);
    with.add(random.nextInt(with.size() + 1), foreign);
    assertThat(parser.parse(String.join("&", with)).canonical())
        .isEqualTo(parser.parse(String.join("&", params)).canonical());
  }

  @Property(tries = 1000)
  void percentEncodingEveryCharacterOfTheValues_neverChangesTheSpec(
      @ForAll("validQueries") List<String> params) {
    List<String> encoded =
        params.stream().map(CanonicalisationProperties::encodeEveryByte).toList();
    assertThat(parser.parse(String.join("&", encoded)))
        .isEqualTo(parser.parse(String.join("&", params)));
  }

  private static String encodeEveryByte(String param) {
    int eq = param.indexOf('=');
    String value = java.net.URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(param.substring(0, eq + 1));
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(String.format("%02X", b & 0xFF));
    }
    return out.toString();
  }
}
