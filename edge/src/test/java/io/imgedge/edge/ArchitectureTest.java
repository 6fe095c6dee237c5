package io.imgedge.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md and issue 16, checked on the sources' imports: only the {@code
 * app} package wires things together and nothing imports it; the wire protocol's messages and
 * client, the cache and the image library need no server library; the edge's logic uses of the
 * shield only its request and response types, the origin router and the wire client.
 */
class ArchitectureTest {
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+)(?:\\.\\*)?;", Pattern.MULTILINE);
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private record Source(Path file, String packageName, List<String> imports) {}

  private static List<Source> sources(String module) {
    Path main = ROOT.resolve(module).resolve("src/main/java");
    try (Stream<Path> files = Files.walk(main)) {
      List<Source> sources = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String text = Files.readString(f);
        Matcher pkg = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(text);
        List<String> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
          imports.add(m.group(1));
        }
        sources.add(new Source(f, pkg.find() ? pkg.group(1) : "", imports));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> offences(
      List<Source> sources,
      java.util.function.Predicate<Source> applies,
      java.util.function.Predicate<String> forbidden) {
    List<String> found = new ArrayList<>();
    for (Source s : sources) {
      if (applies.test(s)) {
        s.imports().stream()
            .filter(forbidden)
            .forEach(i -> found.add(ROOT.relativize(s.file()) + " imports " + i));
      }
    }
    return found;
  }

  @Test
  void onlyTheAppPackageWiresThingsTogether_andNothingImportsIt() {
    List<Source> all = new ArrayList<>();
    for (String module : List.of("config", "transform", "cache", "shield", "edge")) {
      all.addAll(sources(module));
    }
    assertThat(
            offences(
                all,
                s -> !s.packageName().startsWith("io.imgedge.edge.app"),
                i -> i.startsWith("io.imgedge.edge.app")))
        .isEmpty();
  }

  @Test
  void theWireProtocol_theCacheAndTheImageLibrary_needNoServer() {
    assertThat(
            offences(
                sources("shield"),
                s -> !s.packageName().equals("io.imgedge.shield.endpoint"),
                i -> i.startsWith("io.undertow")))
        .isEmpty();
    for (String module : List.of("config", "transform", "cache")) {
      assertThat(offences(sources(module), s -> true, i -> i.startsWith("io.undertow")))
          .as(module)
          .isEmpty();
    }
  }

  @Test
  void dependenciesPointDownwards() {
    assertThat(
            offences(
                sources("transform"),
                s -> true,
                i ->
                    i.startsWith("io.imgedge.cache")
                        || i.startsWith("io.imgedge.shield")
                        || i.startsWith("io.imgedge.edge")))
        .isEmpty();
    assertThat(
            offences(
                sources("cache"),
                s -> true,
                i ->
                    i.startsWith("io.imgedge.transform")
                        || i.startsWith("io.imgedge.shield")
                        || i.startsWith("io.imgedge.edge")))
        .isEmpty();
    assertThat(offences(sources("shield"), s -> true, i -> i.startsWith("io.imgedge.edge")))
        .isEmpty();
  }

  @Test
  void edgeLogic_usesOfTheShieldOnlyItsMessagesTheRouterAndTheWireClient() {
    Set<String> allowed =
        Set.of(
            "io.imgedge.shield.Derivative",
            "io.imgedge.shield.DerivativeRequest",
            "io.imgedge.shield.DerivativeKey",
            "io.imgedge.shield.SourceId",
            "io.imgedge.shield.Problem",
            "io.imgedge.shield.RemoteException",
            "io.imgedge.shield.origin.OriginRouter",
            "io.imgedge.shield.endpoint.WireWriter");
    assertThat(
            offences(
                sources("edge"),
                s -> !s.packageName().startsWith("io.imgedge.edge.app"),
                i ->
                    i.startsWith("io.imgedge.shield")
                        && !allowed.contains(i)
                        && !i.startsWith("io.imgedge.shield.wire.")))
        .isEmpty();
  }
}
