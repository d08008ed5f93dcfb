/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.checks.RuleFamily;
import org.backendreview.plugin.BackendReviewProfile;
import org.backendreview.plugin.BackendReviewRulesDefinition;
import org.backendreview.plugin.RulesList;
import org.sonar.check.Rule;
import org.sonar.check.RuleProperty;

/**
 * Every rule the scanner can run, with its metadata: the rules of our {@code backendreview} repository (the plugin's
 * checks and resources) and SonarPython's {@code python} repository (python-checks' checks, their JSON and HTML, its
 * "Sonar way"), read exactly as SonarQube's {@code RuleMetadataLoader} reads them (a test compares both), and the
 * profiles of {@link RuleProfile}. A rule is named {@code repository:key} ({@code python:S2077}) or by its bare key
 * when that is unique ({@code SqlInjection}).
 */
public final class RuleCatalog {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(d|h|min)");
  /** SonarPython's resources of its checks (python-checks' {@code OpenSourceCheckList.RESOURCE_FOLDER}). */
  static final String PYTHON_RESOURCE_FOLDER = "org/sonar/l10n/py/rules/python";
  static final String PYTHON_SONAR_WAY = PYTHON_RESOURCE_FOLDER + "/Sonar_way_profile.json";
  /** SonarPython's rule templates (its repository declares them so): they do nothing until a user instantiates them. */
  static final Set<String> PYTHON_TEMPLATES = Set.of("CommentRegularExpression");

  private final Map<String, RuleInfo> rules;
  private final Map<String, RuleInfo> byBareKey;

  private RuleCatalog(Map<String, RuleInfo> rules) {
    this.rules = rules;
    Map<String, RuleInfo> bare = new LinkedHashMap<>();
    Set<String> ambiguous = new LinkedHashSet<>();
    for (RuleInfo rule : rules.values()) {
      if (bare.putIfAbsent(rule.key(), rule) != null) {
        ambiguous.add(rule.key());
      }
    }
    ambiguous.forEach(bare::remove);
    this.byBareKey = bare;
  }

  /** Both repositories, as on the class path. */
  public static RuleCatalog load() {
    return load(RulesList.checks(), Frontend.pythonCheckClasses());
  }

  /** Our repository only, with these check classes (tests). */
  static RuleCatalog load(List<Class<?>> checkClasses) {
    return load(checkClasses, List.of());
  }

  static RuleCatalog load(List<Class<?>> checkClasses, List<Class<?>> pythonCheckClasses) {
    Set<String> profile = profileKeys();
    List<Supplier<RuleInfo>> loaders = new ArrayList<>();
    for (Class<?> checkClass : checkClasses) {
      String key = ruleKey(checkClass);
      loaders.add(() -> load(RuleInfo.REPOSITORY, key, BackendReviewRulesDefinition.RESOURCE_FOLDER,
        RuleFamily.find(checkClass).map(RuleFamily::displayName).orElse("Other"), checkClass, profile.contains(key)));
    }
    Set<String> sonarWay = pythonCheckClasses.isEmpty() ? Set.of() : pythonSonarWayKeys();
    for (Class<?> checkClass : pythonCheckClasses) {
      String key = ruleKey(checkClass);
      if (PYTHON_TEMPLATES.contains(key)) {
        continue;
      }
      boolean inProfile = sonarWay.contains(key) && !BackendReviewProfile.SUPERSEDED.containsKey(key);
      loaders.add(() -> load(RuleInfo.PYTHON_REPOSITORY, key, PYTHON_RESOURCE_FOLDER, PYTHON_FAMILY, checkClass, inProfile));
    }
    // reading and parsing some 480 rules' JSON (their HTML is read when a report asks for it) is a good part of a rescan's start-up: on all CPUs (in order)
    List<RuleInfo> loaded = loaders.parallelStream().map(Supplier::get).toList();
    Map<String, RuleInfo> rules = new LinkedHashMap<>();
    loaded.forEach(rule -> rules.put(rule.qualifiedKey(), rule));
    return new RuleCatalog(Collections.unmodifiableMap(rules));
  }

  /** The family of SonarPython's rules in reports. */
  public static final String PYTHON_FAMILY = "SonarPython";

  private static String ruleKey(Class<?> checkClass) {
    Rule rule = checkClass.getAnnotation(Rule.class);
    if (rule == null) {
      throw new IllegalStateException(checkClass.getName() + " has no @Rule annotation");
    }
    return rule.key();
  }

  public List<RuleInfo> rules() {
    return List.copyOf(rules.values());
  }

  /** The rule named {@code repository:key}, or by its bare key when only one repository has it. */
  public Optional<RuleInfo> rule(String key) {
    RuleInfo rule = rules.get(key);
    return rule != null ? Optional.of(rule) : Optional.ofNullable(byBareKey.get(key));
  }

  /** Keys ({@code repository:key}) of the rules the built-in profile "Backend Review way" activates. */
  public Set<String> defaultProfileKeys() {
    return profileKeys(RuleProfile.BACKEND_REVIEW_WAY);
  }

  /** Keys ({@code repository:key}) of the rules of a profile. */
  public Set<String> profileKeys(RuleProfile profile) {
    Set<String> keys = new LinkedHashSet<>();
    rules.values().stream().filter(profile::contains).forEach(r -> keys.add(r.qualifiedKey()));
    return keys;
  }

  private static RuleInfo load(String repository, String key, String folder, String family, Class<?> checkClass, boolean inProfile) {
    JsonNode json = readJson(folder + "/" + key + ".json");
    Supplier<String> html = new LazyText(folder + "/" + key + ".html");
    Map<String, Severity> impacts = new LinkedHashMap<>();
    JsonNode code = json.path("code");
    code.path("impacts").properties().forEach(e -> impacts.put(e.getKey(), Severity.valueOf(e.getValue().asText())));
    String type = json.path("type").asText("CODE_SMELL");
    if (impacts.isEmpty() && !"SECURITY_HOTSPOT".equals(type)) {
      // a few of SonarPython's rules declare none: SonarQube derives one from the type and the legacy severity
      String quality = switch (type) {
        case "BUG" -> "RELIABILITY";
        case "VULNERABILITY" -> "SECURITY";
        default -> "MAINTAINABILITY";
      };
      impacts.put(quality, Severity.parse(json.path("defaultSeverity").asText("Major")).orElse(Severity.MEDIUM));
    }
    Severity severity = impacts.values().stream().max(Enum::compareTo)
      .orElseGet(() -> Severity.parse(json.path("defaultSeverity").asText("Major")).orElse(Severity.MEDIUM));
    JsonNode standards = json.path("securityStandards");
    String specification = json.path("ruleSpecification").asText("");
    JsonNode remediation = json.path("remediation");
    return new RuleInfo(
      repository,
      key,
      json.path("title").asText(key),
      type,
      severity,
      Collections.unmodifiableMap(impacts),
      code.path("attribute").asText(null),
      // SonarQube turns the tags "bug" and "security" into the type and drops them
      strings(json.path("tags")).stream().filter(t -> !t.equals("bug") && !t.equals("security")).toList(),
      strings(standards.path("OWASP Top 10 2021")),
      strings(standards.path("OWASP")),
      standards.path("CWE").valueStream().map(JsonNode::asInt).toList(),
      specification,
      family,
      minutes(remediation.path("constantCost").asText(remediation.path("linearOffset").asText(remediation.path("offset").asText("")))),
      minutes(remediation.path("linearFactor").asText("")),
      html,
      params(checkClass),
      inProfile,
      checkClass);
  }

  static int minutes(String duration) {
    int total = 0;
    Matcher matcher = DURATION.matcher(duration.toLowerCase(Locale.ROOT));
    while (matcher.find()) {
      int value = Integer.parseInt(matcher.group(1));
      total += switch (matcher.group(2)) {
        case "d" -> value * 8 * 60;
        case "h" -> value * 60;
        default -> value;
      };
    }
    return total;
  }

  /** The {@code @RuleProperty} fields of the check class and its superclasses, as SonarQube's annotation loader sees them. */
  static List<RuleParam> params(Class<?> checkClass) {
    List<RuleParam> params = new ArrayList<>();
    for (Field field : propertyFields(checkClass)) {
      RuleProperty property = field.getAnnotation(RuleProperty.class);
      String key = property.key().isEmpty() ? field.getName() : property.key();
      String type = property.type().isEmpty() ? guessType(field.getType()) : property.type();
      params.add(new RuleParam(key, property.defaultValue(), property.description(), type));
    }
    return List.copyOf(params);
  }

  static List<Field> propertyFields(Class<?> checkClass) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> type = checkClass; type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.isAnnotationPresent(RuleProperty.class)) {
          fields.add(field);
        }
      }
    }
    return fields;
  }

  private static String guessType(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "INTEGER";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "BOOLEAN";
    }
    if (type == float.class || type == Float.class || type == double.class || type == Double.class) {
      return "FLOAT";
    }
    return "STRING";
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asText).toList();
  }

  private static Set<String> profileKeys() {
    return ruleKeys(BackendReviewRulesDefinition.PROFILE_PATH);
  }

  /** SonarPython's own "Sonar way", as python-checks ships it (the plugin's snapshot is compared with it). */
  private static Set<String> pythonSonarWayKeys() {
    return ruleKeys(PYTHON_SONAR_WAY);
  }

  private static Set<String> ruleKeys(String resource) {
    JsonNode profile = readJson(resource);
    Set<String> keys = new LinkedHashSet<>();
    profile.path("ruleKeys").forEach(k -> keys.add(k.asText()));
    return keys;
  }

  private static JsonNode readJson(String resource) {
    try (InputStream in = open(resource)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Invalid rule metadata " + resource, e);
    }
  }

  private static String readText(String resource) {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resource) {
    InputStream in = RuleCatalog.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Rule metadata not found on the class path: " + resource);
    }
    return in;
  }

  /** A rule's description, read from the class path when first asked for (once); equal by its resource. */
  private static final class LazyText implements Supplier<String> {
    private final String resource;
    private volatile String text;

    LazyText(String resource) {
      this.resource = resource;
    }

    @Override
    public String get() {
      String result = text;
      if (result == null) {
        result = readText(resource);
        text = result;
      }
      return result;
    }

    /** The same resource gives the same text: two loads of the catalogue give equal rules (and equal findings). */
    @Override
    public boolean equals(Object other) {
      return other instanceof LazyText lazy && resource.equals(lazy.resource);
    }

    @Override
    public int hashCode() {
      return resource.hashCode();
    }

    @Override
    public String toString() {
      return resource;
    }
  }
}
