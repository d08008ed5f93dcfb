/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.backendreview.its.common.Its;
import org.backendreview.its.common.PluginMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backendreview.its.server.WebApi.objects;

/**
 * The built-in "Backend Review way" profile as the real server registers it at start-up: built in, our recommended
 * rules, and SonarPython's "Sonar way" rules that the server's RuleFinder knows (BackendReviewProfile).
 */
@Tag("server")
@ExtendWith(SonarQubeExtension.class)
class BuiltInProfileIT {

  private static PluginMetadata plugin;
  private static JsonObject profile;

  @BeforeAll
  static void load(SonarQubeServer server) {
    plugin = PluginMetadata.of(Its.pluginJar());
    profile = objects(server.get("api/qualityprofiles/search", "language", "py").getAsJsonArray("profiles")).stream()
      .filter(p -> p.get("name").getAsString().equals(PluginMetadata.PROFILE_NAME))
      .findFirst().orElseThrow(() -> new AssertionError("No built-in profile '" + PluginMetadata.PROFILE_NAME + "' for Python"));
  }

  @Test
  void is_built_in_and_not_the_default() {
    assertThat(profile.get("isBuiltIn").getAsBoolean()).isTrue();
    assertThat(profile.get("isDefault").getAsBoolean()).isFalse();
    assertThat(profile.get("language").getAsString()).isEqualTo("py");
  }

  @Test
  void holds_exactly_our_recommended_rules(SonarQubeServer server) {
    assertThat(activeKeys(server, PluginMetadata.REPOSITORY)).containsExactlyInAnyOrderElementsOf(plugin.profileKeys());
  }

  @Test
  void holds_sonarpython_sonar_way_rules_known_to_the_server(SonarQubeServer server) throws IOException {
    Set<String> pythonRules = WebApi.all(server, "api/rules/search", "rules", "repositories", "python", "f", "status").stream()
      .filter(r -> !"REMOVED".equals(r.get("status").getAsString()))
      .map(r -> r.get("key").getAsString().substring("python:".length()))
      .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expected = new TreeSet<>(plugin.sonarWaySnapshot());
    expected.retainAll(pythonRules);
    // Sonar way rules one of ours supersedes are left out of our profile (docs/profile.md, "left out")
    Set<String> superseded = supersededSonarWayRules();
    expected.removeAll(superseded);
    Set<String> sonarWay = new TreeSet<>(activeKeys(server, "python", profileKey(server, "Sonar way")));
    sonarWay.removeAll(superseded);

    Set<String> active = activeKeys(server, "python");
    String log = Files.readAllLines(server.webLog()).stream().filter(l -> l.contains(PluginMetadata.PROFILE_NAME)).collect(Collectors.joining("\n"));
    System.out.printf("[its-profile] %s: %d python rules active (snapshot %d, known to the server %d, server's Sonar way %d), %d backendreview rules, total %d%n%s%n",
      PluginMetadata.PROFILE_NAME, active.size(), plugin.sonarWaySnapshot().size(), expected.size(), sonarWay.size(),
      activeKeys(server, PluginMetadata.REPOSITORY).size(), profile.get("activeRuleCount").getAsInt(), log);

    assertThat(active).as("SonarPython rules in '%s' (web.log: %s)", PluginMetadata.PROFILE_NAME, log).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(active).as("the server's own Sonar way").containsExactlyInAnyOrderElementsOf(sonarWay);
    assertThat(profile.get("activeRuleCount").getAsInt()).isEqualTo(expected.size() + plugin.profileKeys().size());
  }

  /** The SonarPython keys docs/profile.md lists as left out of our profile (checked against the plugin by BackendReviewProfileTest). */
  private static Set<String> supersededSonarWayRules() throws IOException {
    java.util.regex.Pattern row = java.util.regex.Pattern.compile("^\\| `python:(S\\d+)` \\|.*\\| left out \\|\\s*$");
    Set<String> keys = new TreeSet<>();
    for (String line : Files.readAllLines(java.nio.file.Path.of("../docs/profile.md"))) {
      java.util.regex.Matcher matcher = row.matcher(line);
      if (matcher.matches()) {
        keys.add(matcher.group(1));
      }
    }
    return keys;
  }

  private static String profileKey(SonarQubeServer server, String name) {
    return WebApi.profileKey(server, name);
  }

  private static Set<String> activeKeys(SonarQubeServer server, String repository) {
    return activeKeys(server, repository, profile.get("key").getAsString());
  }

  private static Set<String> activeKeys(SonarQubeServer server, String repository, String profileKey) {
    List<JsonObject> rules = WebApi.all(server, "api/rules/search", "rules", "qprofile", profileKey, "activation", "true",
      "repositories", repository, "f", "name");
    return rules.stream().map(r -> r.get("key").getAsString().substring(repository.length() + 1)).collect(Collectors.toCollection(TreeSet::new));
  }
}
