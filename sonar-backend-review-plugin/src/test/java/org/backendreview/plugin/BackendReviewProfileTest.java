/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sonar.api.rules.Rule;
import org.sonar.api.rules.RuleFinder;
import org.sonar.api.server.profile.BuiltInQualityProfilesDefinition;
import org.sonar.api.server.profile.BuiltInQualityProfilesDefinition.BuiltInActiveRule;
import org.sonarsource.analyzer.commons.BuiltInQualityProfileJsonLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class BackendReviewProfileTest {

  private static final Set<String> SNAPSHOT = BuiltInQualityProfileJsonLoader.loadActiveKeysFromJsonProfile(BackendReviewProfile.PYTHON_SONAR_WAY_SNAPSHOT);

  @Test
  void holds_our_recommended_rules_only_without_rule_finder() {
    List<BuiltInActiveRule> rules = define(new BackendReviewProfile());
    assertThat(rules).extracting(BuiltInActiveRule::repoKey).containsOnly("backendreview");
    assertThat(rules).extracting(BuiltInActiveRule::ruleKey)
      .containsExactlyInAnyOrderElementsOf(BuiltInQualityProfileJsonLoader.loadActiveKeysFromJsonProfile(BackendReviewRulesDefinition.PROFILE_PATH));
  }

  @Test
  void adds_the_sonar_way_rules_the_server_knows() {
    RuleFinder finder = mock(RuleFinder.class);
    // the server knows every snapshot rule but S1192; S5332 was removed from it
    when(finder.findByKey(eq("python"), anyString())).thenAnswer(invocation -> {
      String key = invocation.getArgument(1);
      if ("S1192".equals(key)) {
        return null;
      }
      Rule rule = Rule.create("python", key);
      rule.setStatus("S5332".equals(key) ? Rule.STATUS_REMOVED : Rule.STATUS_READY);
      return rule;
    });
    List<BuiltInActiveRule> rules = define(new BackendReviewProfile(finder));
    Set<String> python = rules.stream().filter(r -> r.repoKey().equals("python")).map(BuiltInActiveRule::ruleKey).collect(Collectors.toSet());
    assertThat(SNAPSHOT).hasSizeGreaterThan(300).contains("S1192", "S5332");
    assertThat(python).hasSize(SNAPSHOT.size() - 2 - BackendReviewProfile.SUPERSEDED.size()).doesNotContain("S1192", "S5332", "S2077");
    assertThat(rules).filteredOn(r -> r.repoKey().equals("backendreview")).isNotEmpty();
  }

  @Test
  void a_failing_rule_finder_never_breaks_server_start_up() {
    RuleFinder finder = mock(RuleFinder.class);
    when(finder.findByKey(anyString(), anyString())).thenThrow(new IllegalStateException("database not ready"));
    List<BuiltInActiveRule> rules = define(new BackendReviewProfile(finder));
    assertThat(rules).extracting(BuiltInActiveRule::repoKey).containsOnly("backendreview");
  }

  /**
   * Every SonarPython Sonar way rule our descriptions relate to is either superseded (left out of the profile) or
   * complementary (reports other code, kept), and docs/profile.md lists both: adding or removing an overlap without
   * updating the list fails here.
   */
  @Test
  void every_overlap_with_sonar_way_is_listed() throws IOException {
    assertThat(BackendReviewProfile.SUPERSEDED).isEqualTo(Map.of("S2077", List.of("SqlInjection", "DynamicSqlQuery")));
    Map<String, String> complementary = new java.util.HashMap<>(Map.of(
      "S3752", "StateChangeInSafeMethodHandler",
      "S4507", "FailOpenSettingsDefault",
      "S7487", "BlockingClientInAsyncFunction",
      "S7488", "BlockingClientInAsyncFunction",
      "S7493", "BlockingClientInAsyncFunction",
      "S7499", "BlockingClientInAsyncFunction",
      "S7515", "AsyncClientNotClosed",
      "S7618", "HttpRequestWithoutTimeout",
      "S8389", "UncappedUploadRead",
      "S8409", "ResponseModelMissing"));
    complementary.put("S2068", "HardCodedSecretKey,HardCodedSecret");
    complementary.put("S4502", "InsecureMiddlewareSettings");
    complementary.put("S2092", "InsecureSessionCookieSettings,AuthCookieWithoutSecureFlags");
    complementary.put("S3330", "InsecureSessionCookieSettings,AuthCookieWithoutSecureFlags");
    complementary.put("S6418", "HardCodedSecretKey,HardCodedSecret");
    complementary.put("S5659", "InsecureJwtClaims");
    complementary.put("S5122", "CorsAnyOriginWithCredentials");
    complementary.put("S4790", "WeakPasswordStorage");
    complementary.put("S2245", "PredictableSecretToken");
    Set<String> mentioned = new TreeSet<>();
    Pattern key = Pattern.compile("\\bS\\d{4}\\b");
    try (var files = Files.list(Path.of("src/main/resources", BackendReviewRulesDefinition.RESOURCE_FOLDER))) {
      for (Path html : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = key.matcher(Files.readString(html));
        while (m.find()) {
          mentioned.add(m.group());
        }
      }
    }
    mentioned.retainAll(SNAPSHOT);
    Set<String> listed = new TreeSet<>(BackendReviewProfile.SUPERSEDED.keySet());
    listed.addAll(complementary.keySet());
    assertThat(mentioned).as("Sonar way rules named in our descriptions").isEqualTo(listed);
    String doc = Files.readString(Path.of("../docs/profile.md"));
    BackendReviewProfile.SUPERSEDED.forEach((python, ours) -> assertThat(doc).contains("| `python:" + python + "` | " + ours.stream()
      .map(r -> "`" + r + "`").collect(Collectors.joining(", ")) + " | left out |"));
    complementary.forEach((python, ours) -> assertThat(doc).contains("| `python:" + python + "` | " + java.util.Arrays.stream(ours.split(","))
      .map(r -> "`" + r + "`").collect(Collectors.joining(", ")) + " | kept |"));
  }

  private static List<BuiltInActiveRule> define(BackendReviewProfile profile) {
    BuiltInQualityProfilesDefinition.Context context = new BuiltInQualityProfilesDefinition.Context();
    profile.define(context);
    return List.copyOf(context.profile("py", BackendReviewProfile.NAME).rules());
  }
}
