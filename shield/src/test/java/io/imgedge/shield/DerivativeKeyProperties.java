package io.imgedge.shield;

import static org.assertj.core.api.Assertions.assertThat;

import io.imgedge.transform.spec.FormatNegotiation;
import io.imgedge.transform.spec.TransformDefaults;
import io.imgedge.transform.spec.TransformSpec;
import io.imgedge.transform.spec.TransformSpecParser;
import io.imgedge.transform.spec.ValidQueries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 13, "one key per meaning", as properties: requests that mean different derivatives never
 * share a key (nor its encoded form, which decides ownership in the cluster and the ETag), and
 * equivalent spellings of one request always do.
 */
class DerivativeKeyProperties {
  private final TransformSpecParser parser = new TransformSpecParser(TransformDefaults.FASTLY);

  private DerivativeKey key(String origin, String path, List<String> params, String accept) {
    TransformSpec spec = parser.parse(String.join("&", params));
    return new DerivativeRequest(
            new SourceId(origin, path),
            spec,
            FormatNegotiation.negotiate(spec, accept),
            TransformDefaults.FASTLY)
        .key();
  }

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

  /** Paths made of the characters that separate things: ?, &, =, |, :, #, %, digits, slashes. */
  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.strings().withChars("ab?&=|:#%/.09 ").ofMinLength(1).ofMaxLength(16);
  }

  @Provide
  Arbitrary<String> accepts() {
    return Arbitraries.of(
        "", "image/webp", "image/avif,image/webp,*/*", "image/jxl,image/avif", "*/*");
  }

  @Property(tries = 3000)
  void differentMeanings_neverShareAKey(
      @ForAll("paths") String path1,
      @ForAll("validQueries") List<String> params1,
      @ForAll("accepts") String accept1,
      @ForAll("paths") String path2,
      @ForAll("validQueries") List<String> params2,
      @ForAll("accepts") String accept2) {
    DerivativeKey a = key("site", path1, params1, accept1);
    DerivativeKey b = key("site", path2, params2, accept2);
    boolean sameMeaning =
        path1.equals(path2) && a.spec().equals(b.spec()) && a.target().equals(b.target());
    assertThat(a.equals(b)).isEqualTo(sameMeaning);
    assertThat(a.encoded().equals(b.encoded()))
        .as("%s / %s", a.encoded(), b.encoded())
        .isEqualTo(sameMeaning);
  }

  @Property(tries = 2000)
  void aSeparatorMovedBetweenPathAndSpec_isAnotherKey(
      @ForAll("paths") String text, @ForAll Random random) {
    Assume.that(text.length() >= 2);
    int i = 1 + random.nextInt(text.length() - 1);
    int j = 1 + random.nextInt(text.length() - 1);
    Assume.that(i != j);
    DerivativeKey a =
        new DerivativeKey(
            new SourceId("o", text.substring(0, i)), text.substring(i), "jpeg", 2, "f");
    DerivativeKey b =
        new DerivativeKey(
            new SourceId("o", text.substring(0, j)), text.substring(j), "jpeg", 2, "f");
    assertThat(a.encoded()).isNotEqualTo(b.encoded());
    DerivativeKey c =
        new DerivativeKey(
            new SourceId(text.substring(0, i), text.substring(i)), "", "jpeg", 2, "f");
    DerivativeKey d =
        new DerivativeKey(
            new SourceId(text.substring(0, j), text.substring(j)), "", "jpeg", 2, "f");
    assertThat(c.encoded()).isNotEqualTo(d.encoded());
  }

  @Property(tries = 1000)
  void equivalentSpellings_shareOneKey(
      @ForAll("paths") String path,
      @ForAll("validQueries") List<String> params,
      @ForAll Random random) {
    List<String> shuffled = new ArrayList<>(params);
    Collections.shuffle(shuffled, random);
    shuffled.add(random.nextInt(shuffled.size() + 1), "utm_source=newsletter");
    DerivativeKey a = key("site", path, params, "image/avif,image/webp,*/*");
    DerivativeKey b = key("site", path, shuffled, "image/webp;q=0.9,image/avif,text/html");
    assertThat(b).isEqualTo(a);
    assertThat(b.encoded()).isEqualTo(a.encoded());
  }
}
