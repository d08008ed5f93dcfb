/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sonar.check.Rule;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged plugin jar is what SonarQube and SonarLint load: its manifest and content decide whether it works. */
class PluginJarIT {

  private static Path jar;

  @BeforeAll
  static void locate() {
    jar = Path.of(System.getProperty("plugin.jar", "target/sonar-backend-review-plugin.jar"));
    assertThat(jar).as("plugin jar (run with mvn verify)").exists();
  }

  @Test
  void manifest() throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes manifest = file.getManifest().getMainAttributes();
      assertThat(manifest.getValue("Plugin-Key")).isEqualTo("backendreview");
      assertThat(manifest.getValue("Plugin-Class")).isEqualTo(BackendReviewPlugin.class.getName());
      assertThat(manifest.getValue("Plugin-RequirePlugins")).isEqualTo("python:5.31.0.36502");
      assertThat(manifest.getValue("Plugin-RequiredForLanguages")).isEqualTo("py,ipynb");
      // SonarLint implements plugin API 13.4 and skips plugins that require more
      assertThat(manifest.getValue("Sonar-Version")).isEqualTo("9.9");
      assertThat(manifest.getValue("Jre-Min-Version")).isEqualTo("21");
      assertThat(manifest.getValue("SonarLint-Supported")).isEqualTo("true");
      // SonarQube logs "Deploy Backend Review / <version> / <Implementation-Build>": the commit, or "unknown" outside git
      assertThat(manifest.getValue("Implementation-Build")).as("Implementation-Build").matches("[0-9a-f]{40}|unknown");
      assertThat(manifest.getValue("Plugin-License")).isEqualTo("GNU LGPL 3");
      assertThat(manifest.getValue("Plugin-Organization")).isEqualTo("Backend Review contributors");
      assertThat(manifest.getValue("Plugin-Homepage")).startsWith("https://");
      assertThat(manifest.getValue("Plugin-Dependencies")).as("no embedded libraries (SonarLint refuses them)").isNull();
      assertThat(manifest.getValue("Plugin-Base")).isNull();
    }
  }

  @Test
  void content_is_our_classes_and_shaded_analyzer_commons_only() throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
      assertThat(names).filteredOn(n -> n.endsWith(".class"))
        .allMatch(n -> n.startsWith("org/backendreview/"), "only org/backendreview/** classes");
      assertThat(names).anyMatch(n -> n.startsWith("org/backendreview/shaded/analyzer/commons/RuleMetadataLoader"));
      assertThat(names).noneMatch(n -> n.startsWith("org/sonar/python/") || n.startsWith("org/sonar/plugins/python/") || n.startsWith("META-INF/lib/"));
      for (Class<?> check : RulesList.checks()) {
        String key = check.getAnnotation(Rule.class).key();
        assertThat(names).contains("org/backendreview/rules/backendreview/" + key + ".json", "org/backendreview/rules/backendreview/" + key + ".html");
      }
      assertThat(names).contains("org/backendreview/rules/backendreview/Backend_Review_way_profile.json",
        "org/backendreview/rules/backendreview/python_sonar_way.json");
    }
    assertThat(Files.size(jar)).as("jar size").isLessThan(2_000_000);
  }
}
