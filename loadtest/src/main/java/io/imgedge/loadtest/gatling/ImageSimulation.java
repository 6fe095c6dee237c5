package io.imgedge.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The image workload on Gatling, open model (arrivals do not wait for answers, so slow answers
 * cannot hide themselves: no coordinated omission). Depending on the {@link Workload}: a Zipf mix
 * at a constant arrival rate (with Poisson arrivals), a cold stampede (a burst of users at once on
 * the hottest derivatives), and a purge storm (admin purges of popular sources alongside). Bounded:
 * arrivals stop after the duration and the run is cut one minute later at the latest.
 *
 * <p>Run by {@code ./imgedge loadtest zipf|stampede|purge-storm|fault|side-by-side}, which pass the
 * workload as {@code imgedge.lt.*} system properties.
 */
public final class ImageSimulation extends Simulation {
  private static final String ACCEPT = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8";

  private final Workload workload = Workload.fromProperties(System::getProperty);
  private final ZipfCatalog catalog = workload.catalog();
  private final RequestLog log = new RequestLog();
  private final SplittableRandom random = new SplittableRandom(workload.seed());
  private final AtomicLong burstIndex = new AtomicLong();

  /** Sets up the populations the workload asks for. */
  public ImageSimulation() {
    HttpProtocolBuilder protocol =
        http.baseUrls(workload.targets())
            .acceptHeader(ACCEPT)
            .disableWarmUp()
            .disableCaching()
            .shareConnections();
    List<PopulationBuilder> populations = new ArrayList<>();
    if (workload.rate() > 0) {
      populations.add(
          images("zipf", zipf())
              .injectOpen(
                  constantUsersPerSec(workload.rate())
                      .during(Duration.ofSeconds(workload.durationSeconds()))
                      .randomized()));
    }
    if (workload.burst() > 0) {
      populations.add(images("stampede", hot()).injectOpen(atOnceUsers(workload.burst())));
    }
    if (workload.purgeRate() > 0 && !workload.admins().isEmpty()) {
      populations.add(
          purges()
              .injectOpen(
                  constantUsersPerSec(workload.purgeRate())
                      .during(Duration.ofSeconds(workload.durationSeconds()))));
    }
    setUp(populations)
        .protocols(protocol)
        .maxDuration(Duration.ofSeconds(workload.durationSeconds() + 60L));
  }

  private ScenarioBuilder images(String name, Iterator<Map<String, Object>> feeder) {
    return scenario(name).feed(feeder).exec(http(name).get("#{path}").check(status().in(200, 304)));
  }

  private ScenarioBuilder purges() {
    String token = "Bearer " + workload.token();
    Iterator<Map<String, Object>> feeder =
        Stream.generate(
                () -> {
                  ZipfCatalog.Item item = draw();
                  String admin =
                      workload
                          .admins()
                          .get(Math.floorMod(item.hashCode(), workload.admins().size()));
                  return Map.<String, Object>of(
                      "purge", admin + "/purge?path=/img/" + item.source() + ".jpg");
                })
            .iterator();
    return scenario("purges")
        .feed(feeder)
        .exec(
            http("purge").post("#{purge}").header("Authorization", token).check(status().is(200)));
  }

  private Iterator<Map<String, Object>> zipf() {
    return Stream.generate(() -> request(draw())).iterator();
  }

  private Iterator<Map<String, Object>> hot() {
    int hot = Math.max(1, Math.min(workload.hot(), catalog.size()));
    return Stream.generate(() -> request(catalog.rank((int) (burstIndex.getAndIncrement() % hot))))
        .iterator();
  }

  private synchronized ZipfCatalog.Item draw() {
    return catalog.draw(random);
  }

  private Map<String, Object> request(ZipfCatalog.Item item) {
    log.add(item);
    return Map.of("path", workload.path(item));
  }

  @Override
  public void after() {
    log.write(workload.requestLog());
  }
}
