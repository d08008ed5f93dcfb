/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.stream.StreamSupport;
import org.backendreview.its.common.Its;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The server loaded our jar next to the bundled python analyzer, as an external plugin that SonarLint may download. */
@Tag("server")
@ExtendWith(SonarQubeExtension.class)
class PluginInstalledIT {

  @Test
  void plugin_is_installed_and_sonarlint_supported(SonarQubeServer server) {
    List<JsonObject> plugins = StreamSupport.stream(server.get("api/plugins/installed").getAsJsonArray("plugins").spliterator(), false)
      .map(JsonElement::getAsJsonObject).toList();

    assertThat(plugins).extracting(p -> p.get("key").getAsString()).containsExactlyInAnyOrder("python", "backendreview");
    JsonObject ours = plugins.stream().filter(p -> p.get("key").getAsString().equals("backendreview")).findFirst().orElseThrow();
    assertThat(ours.get("name").getAsString()).isEqualTo("Backend Review");
    assertThat(ours.get("type").getAsString()).isEqualTo("EXTERNAL");
    assertThat(ours.get("sonarLintSupported").getAsBoolean()).isTrue();
    assertThat(ours.get("filename").getAsString()).isEqualTo(Its.pluginJar().getFileName().toString());
    assertThat(ours.get("version").getAsString()).isNotBlank();

    JsonObject python = plugins.stream().filter(p -> p.get("key").getAsString().equals("python")).findFirst().orElseThrow();
    assertThat(python.get("type").getAsString()).isEqualTo("BUNDLED");
    // the server shows 5.31.0.36502 as "5.31 (build 36502)"
    String[] version = Its.pythonVersion().split("\\.");
    assertThat(python.get("version").getAsString()).startsWith(version[0] + "." + version[1]).endsWith("(build " + version[3] + ")");
  }

  @Test
  void server_runs_as_an_unprivileged_user_when_tests_run_as_root(SonarQubeServer server) {
    ProcessHandle app = ProcessHandle.of(server.pid()).orElseThrow();
    String user = app.info().user().orElse("?");
    if (ServerUser.isRoot()) {
      assertThat(user).isEqualTo(ServerUser.NAME);
    } else {
      assertThat(user).isEqualTo(System.getProperty("user.name"));
    }
    assertThat(app.info().commandLine().orElse("")).contains("sonar-application");
  }
}
