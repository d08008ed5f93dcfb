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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.checks.RuleFamily;
import org.backendreview.plugin.BackendReviewRulesDefinition;
import org.backendreview.plugin.RulesList;
import org.sonar.check.Rule;
import org.sonar.check.RuleProperty;

/**
 * Every rule of the {@code backendreview} repository with its metadata, loaded from the plugin's resources exactly
 * as SonarQube's {@code RuleMetadataLoader} reads them (a test compares both), plus the "Backend Review way" profile.
 */
public final class RuleCatalog {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(d|h|min)");

  private final Map<String, RuleInfo> rules;

  private RuleCatalog(Map<String, RuleInfo> rules) {
    this.rules = rules;
  }

  /** The catalogue of the plugin on the class path. */
  public static RuleCatalog load() {
    return load(RulesList.checks());
  }

  static RuleCatalog load(List<Class<?>> checkClasses) {
    Set<String> profile = profileKeys();
    Map<String, RuleInfo> rules = new LinkedHashMap<>();
    for (Class<?> checkClass : checkClasses) {
      Rule rule = checkClass.getAnnotation(Rule.class);
      if (rule == null) {
        throw new IllegalStateException(checkClass.getName() + " has no @Rule annotation");
      }
      rules.put(rule.key(), load(rule.key(), checkClass, profile.contains(rule.key())));
    }
    return new RuleCatalog(Collections.unmodifiableMap(rules));
  }

  public List<RuleInfo> rules() {
    return List.copyOf(rules.values());
  }

  public Optional<RuleInfo> rule(String key) {
    return Optional.ofNullable(rules.get(key));
  }

  /** Keys of the rules the built-in profile "Backend Review way" activates. */
  public Set<String> defaultProfileKeys() {
    Set<String> keys = new LinkedHashSet<>();
    rules.values().stream().filter(RuleInfo::inDefaultProfile).forEach(r -> keys.add(r.key()));
    return keys;
  }

  private static RuleInfo load(String key, Class<?> checkClass, boolean inProfile) {
    JsonNode json = readJson(BackendReviewRulesDefinition.RESOURCE_FOLDER + "/" + key + ".json");
    String html = readText(BackendReviewRulesDefinition.RESOURCE_FOLDER + "/" + key + ".html");
    Map<String, Severity> impacts = new LinkedHashMap<>();
    JsonNode code = json.path("code");
    code.path("impacts").properties().forEach(e -> impacts.put(e.getKey(), Severity.valueOf(e.getValue().asText())));
    Severity severity = impacts.values().stream().max(Enum::compareTo)
      .orElseGet(() -> Severity.parse(json.path("defaultSeverity").asText("Major")).orElse(Severity.MEDIUM));
    JsonNode standards = json.path("securityStandards");
    String specification = json.path("ruleSpecification").asText("");
    String family = RuleFamily.find(checkClass).map(RuleFamily::displayName).orElse("Other");
    JsonNode remediation = json.path("remediation");
    return new RuleInfo(
      key,
      json.path("title").asText(key),
      json.path("type").asText("CODE_SMELL"),
      severity,
      Collections.unmodifiableMap(impacts),
      code.path("attribute").asText(null),
      strings(json.path("tags")),
      strings(standards.path("OWASP Top 10 2021")),
      strings(standards.path("OWASP")),
      standards.path("CWE").valueStream().map(JsonNode::asInt).toList(),
      specification,
      family,
      minutes(remediation.path("constantCost").asText(remediation.path("offset").asText(""))),
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
    JsonNode profile = readJson(BackendReviewRulesDefinition.PROFILE_PATH);
    Set<String> keys = new LinkedHashSet<>();
    profile.path("ruleKeys").forEach(k -> keys.add(k.asText()));
    return keys;
  }

  private static JsonNode readJson(String resource) {
    try {
      return JSON.readTree(readText(resource));
    } catch (IOException e) {
      throw new UncheckedIOException("Invalid rule metadata " + resource, e);
    }
  }

  private static String readText(String resource) {
    try (InputStream in = RuleCatalog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Rule metadata not found on the class path: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
