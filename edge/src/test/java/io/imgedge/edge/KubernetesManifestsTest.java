package io.imgedge.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.imgedge.config.CommandLineOverrides;
import io.imgedge.config.ConfigLoader;
import io.imgedge.config.ImgedgeConfig;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18: the manifests in {@code ops/k8s} validate in the build. Each document is read into its
 * Kubernetes API type (fabric8's model) with no field left over, then checked as a whole: selectors
 * match labels, Services reach named container ports, probes ask the admin port's health paths,
 * memory requests and limits are {@code node.memory}, Prometheus scrapes the admin port, DNS
 * discovery names a headless Service that selects the workload itself, and each workload's
 * configuration (the ConfigMap's YAML with the workload's environment) loads as a node would load
 * it.
 */
class KubernetesManifestsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final Path K8S = ROOT.resolve("ops/k8s");
  private static final String NAMESPACE = "imgedge";
  private static final Map<String, Class<? extends HasMetadata>> TYPES =
      Map.of(
          "Namespace", Namespace.class,
          "ConfigMap", ConfigMap.class,
          "Service", Service.class,
          "Deployment", Deployment.class,
          "StatefulSet", StatefulSet.class,
          "PodDisruptionBudget", PodDisruptionBudget.class);

  /** Settings a node of this branch does not know yet: the disk tier's, built on its own branch. */
  private static final Set<String> PENDING = Set.of("IMGEDGE_CACHE_DISK_PATH");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final List<HasMetadata> resources = new ArrayList<>();
  private static Map<String, Object> kustomization;

  /** A workload: its kind and name, its pod template and replicas. */
  private record Workload(
      String kind, HasMetadata resource, PodTemplateSpec template, int replicas) {
    Container container() {
      assertThat(template.getSpec().getContainers()).as(kind + " containers").hasSize(1);
      return template.getSpec().getContainers().getFirst();
    }

    Map<String, String> labels() {
      return template.getMetadata().getLabels();
    }

    String name() {
      return resource.getMetadata().getName();
    }
  }

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws Exception {
    kustomization = new Yaml().load(Files.readString(K8S.resolve("kustomization.yaml")));
    for (Object file : (List<Object>) kustomization.get("resources")) {
      for (Object doc : new Yaml().loadAll(Files.readString(K8S.resolve(file.toString())))) {
        Map<String, Object> map = (Map<String, Object>) doc;
        String kind = String.valueOf(map.get("kind"));
        assertThat(TYPES).as(file + ": a kind this test knows").containsKey(kind);
        HasMetadata r = JSON.convertValue(map, TYPES.get(kind));
        assertThat(r.getApiVersion()).as(file + " " + kind).isEqualTo(map.get("apiVersion"));
        resources.add(r);
      }
    }
  }

  @Test
  void kustomization_listsEveryManifest_andNamesTheNamespace() throws Exception {
    List<String> listed =
        ((List<?>) kustomization.get("resources")).stream().map(String::valueOf).toList();
    try (Stream<Path> files = Files.list(K8S)) {
      assertThat(
              files
                  .map(f -> f.getFileName().toString())
                  .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")))
          .containsExactlyInAnyOrderElementsOf(listed);
    }
    assertThat(kustomization).containsEntry("namespace", NAMESPACE);
    assertThat(kustomization.get("kind")).isEqualTo("Kustomization");
  }

  @Test
  void everyDocument_isItsApiType_withNoFieldLeftOver() {
    assertThat(resources.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()))
        .containsExactlyInAnyOrder(
            "Namespace/imgedge",
            "ConfigMap/imgedge-config",
            "Service/imgedge-shield",
            "StatefulSet/imgedge-shield",
            "PodDisruptionBudget/imgedge-shield",
            "Service/imgedge",
            "Service/imgedge-edge-members",
            "Deployment/imgedge-edge",
            "PodDisruptionBudget/imgedge-edge");
    for (HasMetadata r : resources) {
      List<String> extra = new ArrayList<>();
      leftovers(r, r.getKind() + "/" + r.getMetadata().getName(), extra, new IdentityHashMap<>());
      assertThat(extra)
          .as("fields the Kubernetes API does not have (misspelt or misplaced)")
          .isEmpty();
      assertThat(r.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }
  }

  @Test
  void selectors_matchTheirPodsLabels_andEveryWorkloadHasADisruptionBudget() {
    for (Workload w : workloads()) {
      Map<String, String> selector =
          w.resource() instanceof Deployment d
              ? d.getSpec().getSelector().getMatchLabels()
              : ((StatefulSet) w.resource()).getSpec().getSelector().getMatchLabels();
      assertThat(w.labels()).as(w.name() + " pod labels").containsAllEntriesOf(selector);
      assertThat(of(PodDisruptionBudget.class))
          .as(w.name() + " has a PodDisruptionBudget selecting its pods")
          .anySatisfy(
              pdb -> {
                assertThat(w.labels())
                    .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
                assertThat(pdb.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
              });
    }
  }

  @Test
  void services_selectAWorkload_andReachItsNamedPorts() {
    for (Service s : of(Service.class)) {
      List<Workload> selected =
          workloads().stream()
              .filter(w -> w.labels().entrySet().containsAll(s.getSpec().getSelector().entrySet()))
              .toList();
      assertThat(selected)
          .as("workloads service " + s.getMetadata().getName() + " selects")
          .hasSize(1);
      Container c = selected.getFirst().container();
      for (ServicePort p : s.getSpec().getPorts()) {
        String target = p.getTargetPort().getStrVal();
        assertThat(target).as(s.getMetadata().getName() + " targets ports by name").isNotNull();
        assertThat(c.getPorts()).extracting(ContainerPort::getName).contains(target);
        assertThat(p.getName()).isEqualTo(target);
      }
    }
  }

  @Test
  void probes_askTheAdminPortsHealthPaths_andPrometheusScrapesIt() {
    for (Workload w : workloads()) {
      Container c = w.container();
      int admin = port(c, "admin");
      assertThat(admin).isEqualTo(setting(w, "IMGEDGE_NODE_ADMIN_PORT", "8081"));
      assertThat(env(c)).containsEntry("IMGEDGE_NODE_ADMIN_BIND", "0.0.0.0");
      assertProbe(c.getReadinessProbe(), "/health/ready");
      assertProbe(c.getLivenessProbe(), "/health/live");
      assertProbe(c.getStartupProbe(), "/health/live");
      assertThat(w.template().getMetadata().getAnnotations())
          .containsEntry("prometheus.io/scrape", "true")
          .containsEntry("prometheus.io/port", String.valueOf(admin))
          .containsEntry("prometheus.io/path", "/metrics");
      assertThat(port(c, "internal")).isEqualTo(setting(w, "IMGEDGE_NODE_INTERNAL_PORT", "8082"));
      if (c.getArgs().getFirst().equals("edge")) {
        assertThat(port(c, "http")).isEqualTo(setting(w, "IMGEDGE_NODE_PUBLIC_PORT", "8080"));
      }
    }
  }

  @Test
  void memoryRequestsAndLimits_areNodeMemory() throws Exception {
    for (Workload w : workloads()) {
      Container c = w.container();
      long nodeMemory = config(w).node().memory().total();
      Quantity request = c.getResources().getRequests().get("memory");
      Quantity limit = c.getResources().getLimits().get("memory");
      assertThat(Quantity.getAmountInBytes(request).longValueExact())
          .as(w.name())
          .isEqualTo(nodeMemory);
      assertThat(Quantity.getAmountInBytes(limit).longValueExact())
          .as(w.name())
          .isEqualTo(nodeMemory);
    }
  }

  @Test
  void dnsDiscovery_namesAHeadlessServiceOfTheWorkloadItself_publishingPodsBeforeTheyAreReady()
      throws Exception {
    for (Workload w : workloads()) {
      ImgedgeConfig config = config(w);
      assertThat(config.cluster().discovery()).hasToString("DNS");
      String name = config.cluster().dnsName();
      assertThat(name).endsWith("." + NAMESPACE + ".svc.cluster.local");
      Service headless = service(name.substring(0, name.indexOf('.')));
      assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
      assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
      assertThat(w.labels()).containsAllEntriesOf(headless.getSpec().getSelector());
      assertThat(headless.getSpec().getPorts())
          .filteredOn(p -> p.getName().equals("hazelcast"))
          .singleElement()
          .satisfies(p -> assertThat(p.getPort()).isEqualTo(config.cluster().memberPort()));
      assertThat(port(w.container(), "hazelcast")).isEqualTo(config.cluster().port());
      assertThat(env(w.container())).containsEntry("IMGEDGE_CLUSTER_BIND", "$(POD_IP)");
    }
    assertThat(config(workload("imgedge-edge")).cluster().name())
        .isNotEqualTo(config(workload("imgedge-shield")).cluster().name());
  }

  @Test
  void shields_areAStatefulSet_withStableNamesTheEdgesList_andAVolumeForTheDiskTier()
      throws Exception {
    Workload shield = workload("imgedge-shield");
    StatefulSet set = (StatefulSet) shield.resource();
    Service governing = service(set.getSpec().getServiceName());
    assertThat(governing.getSpec().getClusterIP()).isEqualTo("None");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < shield.replicas(); i++) {
      expected.add(
          "http://%s-%d.%s.%s.svc.cluster.local:%d"
              .formatted(
                  set.getMetadata().getName(),
                  i,
                  governing.getMetadata().getName(),
                  NAMESPACE,
                  port(shield.container(), "internal")));
    }
    ImgedgeConfig edge = config(workload("imgedge-edge"));
    assertThat(edge.shield().pops().values())
        .singleElement()
        .satisfies(
            urls ->
                assertThat(urls.stream().map(Object::toString).toList())
                    .containsExactlyElementsOf(expected));
    assertThat(env(shield.container()).get("IMGEDGE_NODE_INTERNAL_URL"))
        .isEqualTo(
            "http://$(POD_NAME).%s.%s.svc.cluster.local:8082"
                .formatted(governing.getMetadata().getName(), NAMESPACE));

    String claim = set.getSpec().getVolumeClaimTemplates().getFirst().getMetadata().getName();
    String diskPath = env(shield.container()).get("IMGEDGE_CACHE_DISK_PATH");
    assertThat(shield.container().getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getName()).isEqualTo(claim);
              assertThat(m.getMountPath()).isEqualTo(diskPath);
            });
  }

  @Test
  void volumesMounted_exist_andTheConfigMapHoldsTheFileTheArgumentsName() {
    ConfigMap cm = of(ConfigMap.class).getFirst();
    for (Workload w : workloads()) {
      Set<String> volumes =
          Stream.concat(
                  w.template().getSpec().getVolumes().stream().map(v -> v.getName()),
                  w.resource() instanceof StatefulSet s
                      ? s.getSpec().getVolumeClaimTemplates().stream()
                          .map(p -> p.getMetadata().getName())
                      : Stream.empty())
              .collect(Collectors.toSet());
      w.container().getVolumeMounts().forEach(m -> assertThat(volumes).contains(m.getName()));
      List<String> args = w.container().getArgs();
      assertThat(args.get(1)).isEqualTo("--config");
      assertThat(w.template().getSpec().getVolumes())
          .anySatisfy(
              v -> assertThat(v.getConfigMap().getName()).isEqualTo(cm.getMetadata().getName()));
      String file = Path.of(args.get(2)).getFileName().toString();
      assertThat(cm.getData()).containsKey(file);
    }
  }

  @Test
  void theGracePeriod_coversTheDrainDelay_theDrain_andLeavingTheCluster() throws Exception {
    for (Workload w : workloads()) {
      ImgedgeConfig config = config(w);
      long needed = config.node().drainDelay().toSeconds() + config.node().drain().toSeconds() + 10;
      assertThat(w.template().getSpec().getTerminationGracePeriodSeconds())
          .as(w.name() + " terminationGracePeriodSeconds")
          .isGreaterThanOrEqualTo(needed);
      assertThat(config.node().drainDelay())
          .as(w.name() + ": drain-delay outlasts a readiness probe period or two")
          .isGreaterThanOrEqualTo(
              java.time.Duration.ofSeconds(
                  2L * w.container().getReadinessProbe().getPeriodSeconds()));
    }
  }

  @Test
  void everyImgedgeVariable_isAKnownSetting() {
    Set<String> known =
        ConfigLoader.keys().stream().map(ConfigLoader::environmentName).collect(Collectors.toSet());
    for (Workload w : workloads()) {
      for (EnvVar e : w.container().getEnv()) {
        if (e.getName().startsWith("IMGEDGE_") && !PENDING.contains(e.getName())) {
          assertThat(known).as(w.name() + " " + e.getName()).contains(e.getName());
        }
      }
    }
  }

  @TempDir static Path dir;

  /** The node configuration a workload's container loads: the ConfigMap's file and its env. */
  private static ImgedgeConfig config(Workload w) throws Exception {
    ConfigMap cm = of(ConfigMap.class).getFirst();
    List<String> args = w.container().getArgs();
    String file = Path.of(args.get(2)).getFileName().toString();
    Path yaml = Files.writeString(dir.resolve(w.name() + "-" + file), cm.getData().get(file));
    Map<String, String> env = new HashMap<>();
    env(w.container())
        .forEach(
            (k, v) ->
                env.put(
                    k, v.replace("$(POD_IP)", "10.1.2.3").replace("$(POD_NAME)", w.name() + "-0")));
    return ConfigLoader.load(
        yaml, env, new CommandLineOverrides(Map.of("node.role", args.getFirst()), null));
  }

  private static void assertProbe(Probe p, String path) {
    assertThat(p).isNotNull();
    assertThat(p.getHttpGet().getPath()).isEqualTo(path);
    assertThat(p.getHttpGet().getPort()).isEqualTo(new IntOrString("admin"));
  }

  private static int setting(Workload w, String variable, String fallback) {
    return Integer.parseInt(env(w.container()).getOrDefault(variable, fallback));
  }

  private static int port(Container c, String name) {
    return c.getPorts().stream()
        .filter(p -> name.equals(p.getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container port named " + name))
        .getContainerPort();
  }

  /** The literal environment (values from secrets and fields left out). */
  private static Map<String, String> env(Container c) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar e : c.getEnv()) {
      if (e.getValue() != null) {
        env.put(e.getName(), e.getValue());
      }
    }
    return env;
  }

  private static Service service(String name) {
    return of(Service.class).stream()
        .filter(s -> s.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Service named " + name));
  }

  private static Workload workload(String name) {
    return workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<Workload> workloads() {
    List<Workload> all = new ArrayList<>();
    for (Deployment d : of(Deployment.class)) {
      all.add(new Workload("Deployment", d, d.getSpec().getTemplate(), d.getSpec().getReplicas()));
    }
    for (StatefulSet s : of(StatefulSet.class)) {
      all.add(new Workload("StatefulSet", s, s.getSpec().getTemplate(), s.getSpec().getReplicas()));
    }
    assertThat(all)
        .extracting(Workload::name)
        .containsExactlyInAnyOrder("imgedge-edge", "imgedge-shield");
    return all;
  }

  private static <T> List<T> of(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * Collects what the model kept as "additional properties" anywhere in a resource: fields its API
   * type does not have.
   */
  private static void leftovers(
      Object o, String path, List<String> out, IdentityHashMap<Object, Boolean> seen) {
    if (o == null || seen.put(o, true) != null) {
      return;
    }
    if (o instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        leftovers(list.get(i), path + "[" + i + "]", out, seen);
      }
      return;
    }
    if (o instanceof Map<?, ?> map) {
      map.forEach((k, v) -> leftovers(v, path + "." + k, out, seen));
      return;
    }
    if (!o.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || !m.getName().startsWith("get")
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        Object value = m.invoke(o);
        if (m.getName().equals("getAdditionalProperties")) {
          if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
            out.add(path + ": " + extra.keySet());
          }
        } else {
          leftovers(value, path + "." + m.getName().substring(3), out, seen);
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }
}
