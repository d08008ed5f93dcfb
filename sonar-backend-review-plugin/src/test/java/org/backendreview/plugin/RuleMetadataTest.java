/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backendreview.checks.RuleFamily;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sonar.check.Rule;
import org.sonarsource.analyzer.commons.BuiltInQualityProfileJsonLoader;
import org.sonarsource.analyzer.commons.internal.json.simple.JSONArray;
import org.sonarsource.analyzer.commons.internal.json.simple.JSONObject;
import org.sonarsource.analyzer.commons.internal.json.simple.parser.JSONParser;
import org.sonarsource.analyzer.commons.internal.json.simple.parser.ParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every registered check has complete metadata in SonarSource's format, an education-format description, a sample
 * with noncompliant code and compliant look-alikes, and a test; security rules are visible under the OWASP/CWE facets.
 */
class RuleMetadataTest {

  private static final Map<String, String> IMPACT_FOR_SEVERITY = Map.of(
    "Blocker", "BLOCKER", "Critical", "HIGH", "Major", "MEDIUM", "Minor", "LOW", "Info", "INFO");
  private static final Set<String> ATTRIBUTES = Set.of("CONVENTIONAL", "FORMATTED", "IDENTIFIABLE", "CLEAR", "COMPLETE", "EFFICIENT",
    "LOGICAL", "DISTINCT", "FOCUSED", "MODULAR", "TESTED", "LAWFUL", "RESPECTFUL", "TRUSTWORTHY");
  private static final Pattern RULE_SPECIFICATION = Pattern.compile("(SEC|ORM|CFG|MIG|API|ASY|SQA|NET|TXN|OBS|ERR|PY|TST)-\\d{2}");

  static Stream<Class<?>> checks() {
    return RulesList.checks().stream();
  }

  static String key(Class<?> check) {
    Rule rule = check.getAnnotation(Rule.class);
    assertThat(rule).as("%s has @Rule", check.getSimpleName()).isNotNull();
    return rule.key();
  }

  static JSONObject json(String key) {
    try (InputStream in = RuleMetadataTest.class.getClassLoader().getResourceAsStream(BackendReviewRulesDefinition.RESOURCE_FOLDER + "/" + key + ".json")) {
      assertThat(in).as("%s.json", key).isNotNull();
      return (JSONObject) new JSONParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("Invalid " + key + ".json", e);
    }
  }

  static String html(String key) {
    try (InputStream in = RuleMetadataTest.class.getClassLoader().getResourceAsStream(BackendReviewRulesDefinition.RESOURCE_FOLDER + "/" + key + ".html")) {
      assertThat(in).as("%s.html", key).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void keys_are_unique_and_class_names_follow_them() {
    Set<String> keys = new HashSet<>();
    for (Class<?> check : RulesList.checks()) {
      String key = key(check);
      assertThat(keys.add(key)).as("duplicate key %s", key).isTrue();
      assertThat(key).matches("[A-Z][A-Za-z0-9]+").doesNotEndWith("Check");
      assertThat(check.getSimpleName()).isEqualTo(key + "Check");
      assertThat(check.getPackageName()).startsWith("org.backendreview.checks.");
    }
  }

  @ParameterizedTest
  @MethodSource("checks")
  void each_family_is_one_package_and_one_feature_matrix_prefix(Class<?> check) {
    RuleFamily family = RuleFamily.of(check);
    assertThat(family.checks()).as("%s is listed by its family %s", check.getSimpleName(), family).contains(check);
    assertThat((String) json(key(check)).get("ruleSpecification")).as("%s ruleSpecification", key(check))
      .startsWith(family.specificationPrefix() + "-");
  }

  @ParameterizedTest
  @MethodSource("checks")
  void json_metadata_is_complete(Class<?> check) {
    String key = key(check);
    JSONObject json = json(key);
    assertThat((String) json.get("title")).as("%s title", key).isNotBlank().doesNotEndWith(".");
    // no hotspots: SonarQube 26.9 shows them on a page it marks deprecated (SonarSource migrated its own to vulnerabilities)
    assertThat((String) json.get("type")).as("%s type", key).isIn("CODE_SMELL", "BUG", "VULNERABILITY");
    assertThat((String) json.get("status")).as("%s status", key).isIn("ready", "beta", "deprecated");
    String severity = (String) json.get("defaultSeverity");
    assertThat(severity).as("%s defaultSeverity", key).isIn(IMPACT_FOR_SEVERITY.keySet());
    assertThat((JSONObject) json.get("remediation")).as("%s remediation", key).isNotNull().containsKey("func");
    assertThat(tags(json)).as("%s tags", key).isNotEmpty().allMatch(t -> t.matches("[a-z0-9][a-z0-9-]*"));
    JSONObject code = (JSONObject) json.get("code");
    assertThat(code).as("%s code", key).isNotNull();
    assertThat((String) code.get("attribute")).as("%s clean code attribute", key).isIn(ATTRIBUTES);
    JSONObject impacts = (JSONObject) code.get("impacts");
    assertThat(impacts).as("%s impacts", key).isNotEmpty();
    assertThat(impacts.values()).as("%s: the highest impact follows the severity %s", key, severity)
      .contains(IMPACT_FOR_SEVERITY.get(severity))
      .allMatch(v -> rank((String) v) <= rank(IMPACT_FOR_SEVERITY.get(severity)));
    // the type agrees with the impacts, as SonarQube derives one from the other
    String expectedQuality = switch ((String) json.get("type")) {
      case "BUG" -> "RELIABILITY";
      case "VULNERABILITY" -> "SECURITY";
      default -> "MAINTAINABILITY";
    };
    assertThat(impacts).as("%s: a %s has a %s impact", key, json.get("type"), expectedQuality).containsKey(expectedQuality);
    assertThat((String) json.get("scope")).as("%s scope", key).isIn("Main", "Tests", "All");
    assertThat((String) json.get("ruleSpecification")).as("%s ruleSpecification (feature-matrix row)", key).matches(RULE_SPECIFICATION);
    assertThat((JSONArray) json.get("frameworks")).as("%s frameworks", key).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("checks")
  void security_rules_show_under_owasp_and_cwe(Class<?> check) {
    String key = key(check);
    JSONObject json = json(key);
    JSONObject impacts = (JSONObject) ((JSONObject) json.get("code")).get("impacts");
    String type = (String) json.get("type");
    boolean security = type.equals("VULNERABILITY") || type.equals("SECURITY_HOTSPOT") || impacts.containsKey("SECURITY");
    if (!security) {
      assertThat(tags(json)).as("%s: owasp tags on a non-security rule", key).noneMatch(t -> t.startsWith("owasp-"));
      return;
    }
    assertThat(type).as("%s type of a security rule", key).isIn("VULNERABILITY", "SECURITY_HOTSPOT");
    assertThat(impacts).as("%s: OWASP/CWE facets count only SECURITY impacts", key).containsKey("SECURITY");
    JSONObject standards = (JSONObject) json.get("securityStandards");
    assertThat(standards).as("%s securityStandards", key).isNotNull();
    assertThat((JSONArray) standards.get("CWE")).as("%s CWE", key).isNotEmpty();
    JSONArray owasp2021 = (JSONArray) standards.get("OWASP Top 10 2021");
    assertThat(owasp2021).as("%s OWASP Top 10 2021", key).isNotEmpty();
    List<String> tags = tags(json);
    assertThat(tags).as("%s tags", key).contains("cwe");
    for (Object category : owasp2021) {
      String tag = String.format(Locale.ROOT, "owasp-a%02d", Integer.parseInt(((String) category).substring(1)));
      assertThat(tags).as("%s tag for OWASP 2021 %s", key, category).contains(tag);
    }
  }

  @ParameterizedTest
  @MethodSource("checks")
  void description_is_in_education_format(Class<?> check) {
    String key = key(check);
    String html = html(key);
    int why = html.indexOf("<h2>Why is this an issue?</h2>");
    int how = html.indexOf("<h2>How to fix it");
    int resources = html.indexOf("<h2>Resources</h2>");
    assertThat(why).as("%s: intro then 'Why is this an issue?'", key).isGreaterThan(10);
    assertThat(how).as("%s: 'How to fix it' after 'Why'", key).isGreaterThan(why);
    assertThat(resources).as("%s: 'Resources' last", key).isGreaterThan(how);
    assertThat(html.substring(0, why)).as("%s introduction", key).contains("<p>");
    String howToFix = html.substring(how, resources);
    Matcher noncompliant = Pattern.compile("data-diff-id=\"(\\d+)\" data-diff-type=\"noncompliant\"").matcher(howToFix);
    assertThat(noncompliant.find()).as("%s: a noncompliant example", key).isTrue();
    assertThat(howToFix).as("%s: a compliant example paired with it", key)
      .contains("data-diff-id=\"" + noncompliant.group(1) + "\" data-diff-type=\"compliant\"");
    assertThat(html.substring(resources)).as("%s: resources link somewhere", key).contains("<a href=\"https://");
    assertThat(html).as("%s: well-formed <pre> blocks", key).doesNotContain("<pre>\n\n");
  }

  /**
   * SonarQube shows "quick fix available" from the metadata; SonarLint and the CLI's --fix from the issues: they agree.
   * Read from the sources: a check offers quick fixes when it (or a base class of ours) builds a PythonQuickFix.
   */
  @ParameterizedTest
  @MethodSource("checks")
  void quick_fix_metadata_agrees_with_the_check(Class<?> check) throws IOException {
    String key = key(check);
    boolean offers = false;
    for (Class<?> c = check; c.getName().startsWith("org.backendreview."); c = c.getSuperclass()) {
      Path source = Path.of("src/main/java", c.getName().replace('.', '/') + ".java");
      offers |= Files.readString(source, StandardCharsets.UTF_8).contains("PythonQuickFix.newQuickFix");
    }
    String declared = (String) json(key).get("quickfix");
    assertThat(declared).as("%s quickfix", key).isIn("covered", "partial", "infeasible", "targeted");
    assertThat(!"infeasible".equals(declared)).as("%s: metadata says quickfix \"%s\" but the check %s quick fixes", key, declared,
      offers ? "builds" : "builds no").isEqualTo(offers);
  }

  @ParameterizedTest
  @MethodSource("checks")
  void has_a_test_and_a_sample_with_noncompliant_and_compliant_code(Class<?> check) throws IOException {
    String key = key(check);
    try {
      Class.forName(check.getName() + "Test");
    } catch (ClassNotFoundException e) {
      fail("%s has no test class %sTest", key, check.getName());
    }
    String sampleName = Character.toLowerCase(key.charAt(0)) + key.substring(1);
    List<Path> samples = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(Samples.ROOT)) {
      paths.filter(p -> p.getFileName().toString().equals(sampleName) || p.getFileName().toString().equals(sampleName + ".py"))
        .forEach(samples::add);
    }
    assertThat(samples).as("%s: sample file %s.py or sample project %s/ under %s", key, sampleName, sampleName, Samples.ROOT).isNotEmpty();
    StringBuilder text = new StringBuilder();
    for (Path sample : samples) {
      try (Stream<Path> files = Files.walk(sample)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".py")).toList()) {
          text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
      }
    }
    assertThat(text).as("%s sample: noncompliant cases", key).contains("# Noncompliant");
    assertThat(Pattern.compile("(?<!Non)[Cc]ompliant").matcher(text).find()).as("%s sample: a comment marking compliant look-alikes", key).isTrue();
  }

  @Test
  void profile_names_only_existing_rules() {
    Set<String> keys = new HashSet<>();
    RulesList.checks().forEach(c -> keys.add(key(c)));
    Set<String> profile = BuiltInQualityProfileJsonLoader.loadActiveKeysFromJsonProfile(BackendReviewRulesDefinition.PROFILE_PATH);
    assertThat(profile).isNotEmpty();
    assertThat(keys).containsAll(profile);
  }

  @Test
  void no_rule_reuses_a_sonarpython_title() throws IOException {
    Set<String> pythonTitles = new HashSet<>();
    for (String key : BuiltInQualityProfileJsonLoader.loadActiveKeysFromJsonProfile("org/sonar/l10n/py/rules/python/Sonar_way_profile.json")) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/sonar/l10n/py/rules/python/" + key + ".json")) {
        if (in != null) {
          pythonTitles.add(((String) ((JSONObject) new JSONParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))).get("title")).toLowerCase(Locale.ROOT));
        }
      } catch (ParseException e) {
        throw new IllegalStateException(e);
      }
    }
    assertThat(pythonTitles).hasSizeGreaterThan(300);
    for (Class<?> check : RulesList.checks()) {
      assertThat(pythonTitles).doesNotContain(((String) json(key(check)).get("title")).toLowerCase(Locale.ROOT));
    }
  }

  private static List<String> tags(JSONObject json) {
    List<String> tags = new ArrayList<>();
    JSONArray array = (JSONArray) json.get("tags");
    if (array != null) {
      array.forEach(t -> tags.add((String) t));
    }
    return tags;
  }

  private static int rank(String impactSeverity) {
    return List.of("INFO", "LOW", "MEDIUM", "HIGH", "BLOCKER").indexOf(impactSeverity);
  }
}
