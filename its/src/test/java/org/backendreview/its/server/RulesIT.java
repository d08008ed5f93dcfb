/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.backendreview.its.common.Its;
import org.backendreview.its.common.PluginMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backendreview.its.server.WebApi.objects;
import static org.backendreview.its.server.WebApi.strings;

/** Every rule of the jar is listed by the server with the metadata users see in the UI and filter on. */
@Tag("server")
@ExtendWith(SonarQubeExtension.class)
class RulesIT {

  private static PluginMetadata plugin;
  private static Map<String, JsonObject> serverRules;

  @BeforeAll
  static void load(SonarQubeServer server) {
    plugin = PluginMetadata.of(Its.pluginJar());
    serverRules = WebApi.all(server, "api/rules/search", "rules", "repositories", PluginMetadata.REPOSITORY)
      .stream().collect(Collectors.toMap(r -> r.get("key").getAsString(), Function.identity(), (a, b) -> a, TreeMap::new));
  }

  @Test
  void every_rule_of_the_jar_is_listed() {
    assertThat(serverRules.keySet()).containsExactlyInAnyOrderElementsOf(
      plugin.rules().keySet().stream().map(k -> PluginMetadata.REPOSITORY + ":" + k).toList());
  }

  @Test
  void type_severity_clean_code_attribute_impacts_tags() {
    SoftAssertions softly = new SoftAssertions();
    for (PluginMetadata.Rule rule : plugin.rules().values()) {
      JsonObject r = serverRules.get(PluginMetadata.REPOSITORY + ":" + rule.key());
      String key = rule.key();
      softly.assertThat(r.get("name").getAsString()).as(key + " name").isEqualTo(rule.title());
      softly.assertThat(r.get("lang").getAsString()).as(key + " language").isEqualTo("py");
      softly.assertThat(r.get("status").getAsString()).as(key + " status").isEqualTo("READY");
      softly.assertThat(r.get("type").getAsString()).as(key + " type").isEqualTo(rule.type());
      softly.assertThat(r.get("severity").getAsString()).as(key + " severity").isEqualTo(rule.severity());
      Map<String, String> impacts = new TreeMap<>();
      objects(r.getAsJsonArray("impacts")).forEach(i -> impacts.put(i.get("softwareQuality").getAsString(), i.get("severity").getAsString()));
      if ("SECURITY_HOTSPOT".equals(rule.type())) {
        // SonarQube gives hotspots a review priority, no Clean Code attribute and no impacts
        softly.assertThat(r.has("cleanCodeAttribute")).as(key + " hotspot without Clean Code attribute").isFalse();
        softly.assertThat(impacts).as(key + " hotspot without impacts").isEmpty();
      } else {
        softly.assertThat(r.get("cleanCodeAttribute").getAsString()).as(key + " Clean Code attribute").isEqualTo(rule.cleanCodeAttribute());
        softly.assertThat(impacts).as(key + " impacts").isEqualTo(rule.impacts());
      }
      softly.assertThat(strings(r.getAsJsonArray("sysTags"))).as(key + " tags").containsExactlyInAnyOrderElementsOf(rule.tags());
    }
    softly.assertAll();
  }

  @Test
  void descriptions_have_the_four_education_sections(SonarQubeServer server) {
    SoftAssertions softly = new SoftAssertions();
    for (String key : plugin.rules().keySet()) {
      JsonObject rule = server.get("api/rules/show", "key", PluginMetadata.REPOSITORY + ":" + key).getAsJsonObject("rule");
      List<JsonObject> sections = objects(rule.getAsJsonArray("descriptionSections"));
      softly.assertThat(sections).as(key + " description sections")
        .extracting(s -> s.get("key").getAsString())
        .containsOnly("introduction", "root_cause", "how_to_fix", "resources")
        .contains("introduction", "root_cause", "how_to_fix", "resources");
      softly.assertThat(sections).as(key + " section contents").allSatisfy(s -> assertThat(s.get("content").getAsString()).isNotBlank());
    }
    softly.assertAll();
  }

  @Test
  void security_rules_are_found_under_their_owasp_top_10_2021_and_cwe_categories(SonarQubeServer server) {
    List<PluginMetadata.Rule> security = plugin.rules().values().stream().filter(PluginMetadata.Rule::isSecurity).toList();
    assertThat(security).as("security rules in the jar").isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (PluginMetadata.Rule rule : security) {
      String key = PluginMetadata.REPOSITORY + ":" + rule.key();
      softly.assertThat(rule.owaspTop10_2021()).as(rule.key() + " declares an OWASP Top 10 2021 category").isNotEmpty();
      for (String category : rule.owaspTop10_2021()) {
        softly.assertThat(keys(server, "owaspTop10-2021", category.toLowerCase(Locale.ROOT))).as(rule.key() + " under OWASP " + category).contains(key);
      }
      for (String cwe : rule.cwe()) {
        softly.assertThat(keys(server, "cwe", cwe)).as(rule.key() + " under CWE-" + cwe).contains(key);
      }
    }
    softly.assertAll();

    // the facets (what the UI's filters show) count our security rules per category
    JsonObject facets = server.get("api/rules/search", "repositories", PluginMetadata.REPOSITORY, "ps", "1", "facets", "owaspTop10-2021,cwe");
    Map<String, Integer> owasp = facet(facets, "owaspTop10-2021");
    Map<String, Integer> expectedOwasp = new TreeMap<>();
    security.forEach(r -> r.owaspTop10_2021().forEach(c -> expectedOwasp.merge(c.toLowerCase(Locale.ROOT), 1, Integer::sum)));
    assertThat(owasp).as("owaspTop10-2021 facet").containsAllEntriesOf(expectedOwasp);
    // the CWE facet lists a capped number of values: Elasticsearch's terms aggregation takes the top values of each shard
    // of the rules index, so which of the values tied at the bottom are listed (and even whether a value counted 2 is
    // listed before one counted 1) depends on how the rules' random ids were routed to shards. What holds in every run:
    // each listed value is one of our CWEs, counted no more than we declare it (a shard that dropped the value lowers the
    // count), and every CWE is reachable through the filter (the per-rule assertions above).
    Map<String, Integer> expectedCwe = new TreeMap<>();
    security.forEach(r -> r.cwe().forEach(c -> expectedCwe.merge(c, 1, Integer::sum)));
    Map<String, Integer> cwe = facet(facets, "cwe");
    assertThat(cwe).as("cwe facet").isNotEmpty();
    cwe.forEach((c, n) -> assertThat(n).as("cwe facet count of CWE-" + c).isBetween(1, expectedCwe.getOrDefault(c, 0)));
  }

  private static List<String> keys(SonarQubeServer server, String filter, String value) {
    return objects(server.get("api/rules/search", "repositories", PluginMetadata.REPOSITORY, filter, value, "ps", "500", "f", "name")
      .getAsJsonArray("rules")).stream().map(r -> r.get("key").getAsString()).toList();
  }

  private static Map<String, Integer> facet(JsonObject response, String property) {
    Map<String, Integer> values = new TreeMap<>();
    objects(response.getAsJsonArray("facets")).stream()
      .filter(f -> f.get("property").getAsString().equals(property))
      .flatMap(f -> objects(f.getAsJsonArray("values")).stream())
      .filter(v -> v.get("count").getAsInt() > 0)
      .forEach(v -> values.put(v.get("val").getAsString(), v.get("count").getAsInt()));
    return values;
  }
}
