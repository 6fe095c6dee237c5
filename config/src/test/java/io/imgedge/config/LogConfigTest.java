package io.imgedge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogConfigTest {

  @Test
  void accessLog_isOffByDefault() {
    assertThat(ImgedgeConfig.defaults().log()).isEqualTo(new LogConfig(LogConfig.Access.OFF, ""));
  }

  @Test
  void accessLog_jsonToAFile_fromTheEnvironment() {
    var env =
        Map.of(
            "IMGEDGE_LOG_ACCESS", "json", "IMGEDGE_LOG_ACCESS_FILE", "/var/log/imgedge/access.log");
    LogConfig log = ConfigLoader.load(null, env, CommandLineOverrides.NONE).log();
    assertThat(log.access()).isEqualTo(LogConfig.Access.JSON);
    assertThat(log.accessFile()).isEqualTo("/var/log/imgedge/access.log");
  }

  @Test
  void accessLog_unknownFormat_namesTheChoices() {
    var env = Map.of("IMGEDGE_LOG_ACCESS", "combined");
    assertThatThrownBy(() -> ConfigLoader.load(null, env, CommandLineOverrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'log.access'")
        .hasMessageContaining("off, json");
  }
}
