/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.sonarlint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarFile;
import org.backendreview.its.common.Its;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SonarLint tests only prove what the IDEs do if the test JVM implements the same plugin API as sonarlint-core
 * 10.44 (13.4): sonarlint-core reads the version from the sonar-plugin-api jar on its classpath, and would accept a
 * plugin requiring API 14 if our parent's sonar-plugin-api 14 leaked in. Nor may the plugin's own classes be on the
 * classpath: SonarLint must load them from the jar, through its plugin class loader.
 */
@Tag("sonarlint")
class SonarLintClasspathIT {

  @Test
  void implemented_plugin_api_is_the_one_sonarlint_core_ships() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/sonar-api-version.txt")) {
      assertThat(in).as("sonar-plugin-api on the classpath").isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()).startsWith("13.4.");
    }
  }

  @Test
  void plugin_classes_are_not_on_the_classpath() {
    assertThatThrownBy(() -> Class.forName("org.backendreview.plugin.BackendReviewPlugin")).isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void plugin_requires_an_api_sonarlint_implements() throws IOException {
    try (JarFile jar = new JarFile(Its.pluginJar().toFile())) {
      String[] required = jar.getManifest().getMainAttributes().getValue("Sonar-Version").split("\\.");
      assertThat(Integer.parseInt(required[0]) * 100 + Integer.parseInt(required[1])).as("Sonar-Version of the plugin").isLessThanOrEqualTo(1304);
      assertThat(jar.getManifest().getMainAttributes().getValue("SonarLint-Supported")).isEqualTo("true");
    }
  }
}
