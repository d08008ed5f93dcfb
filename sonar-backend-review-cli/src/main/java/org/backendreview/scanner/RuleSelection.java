/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sonar.check.RuleProperty;
import org.sonar.plugins.python.api.PythonCheck;

/**
 * The active rules of a scan and their parameters, instantiated the way SonarQube's {@code CheckFactory} does: a
 * new check object per rule, {@code @RuleProperty} fields set from the parameters.
 */
final class RuleSelection {

  private final List<RuleInfo> rules;
  private final Map<String, Map<Field, Object>> values;

  private RuleSelection(List<RuleInfo> rules, Map<String, Map<Field, Object>> values) {
    this.rules = rules;
    this.values = values;
  }

  /** @throws IllegalArgumentException on an unknown rule or parameter, or a parameter value of the wrong type */
  static RuleSelection of(RuleCatalog catalog, ScanConfig config) {
    Set<String> unknown = new TreeSet<>();
    Set<String> keys = new LinkedHashSet<>();
    if (config.rules() != null) {
      for (String key : config.rules()) {
        List<RuleInfo> named = named(catalog, key);
        if (named.isEmpty()) {
          unknown.add(key);
        }
        named.forEach(r -> keys.add(r.qualifiedKey()));
      }
    } else if (config.allRules()) {
      catalog.rules().forEach(r -> keys.add(r.qualifiedKey()));
    } else {
      keys.addAll(catalog.profileKeys(config.profile()));
    }
    for (String key : config.disabledRules()) {
      List<RuleInfo> named = named(catalog, key);
      if (named.isEmpty()) {
        unknown.add(key);
      }
      named.forEach(r -> keys.remove(r.qualifiedKey()));
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("Unknown rule key" + (unknown.size() > 1 ? "s" : "") + ": " + String.join(", ", unknown)
        + " (see --list-rules)");
    }
    List<RuleInfo> rules = new ArrayList<>();
    for (RuleInfo rule : catalog.rules()) {
      if (keys.contains(rule.qualifiedKey())) {
        rules.add(rule);
      }
    }
    Map<String, Map<Field, Object>> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> param : config.params().entrySet()) {
      String name = param.getKey();
      int dot = name.lastIndexOf('.');
      if (dot <= 0 || dot == name.length() - 1) {
        throw new IllegalArgumentException("Rule parameter \"" + name + "\" must be written RuleKey.parameter");
      }
      RuleInfo rule = catalog.rule(name.substring(0, dot))
        .orElseThrow(() -> new IllegalArgumentException("Unknown rule key in parameter \"" + name + "\" (see --list-rules)"));
      Field field = field(rule, name.substring(dot + 1));
      values.computeIfAbsent(rule.qualifiedKey(), k -> new LinkedHashMap<>()).put(field, convert(name, field.getType(), param.getValue()));
    }
    return new RuleSelection(List.copyOf(rules), values);
  }

  /** The rules a key names: {@code repository:key}, a bare key, or {@code repository:*} for every rule of a repository. */
  private static List<RuleInfo> named(RuleCatalog catalog, String key) {
    if (key.endsWith(":*")) {
      String repository = key.substring(0, key.length() - 2);
      return catalog.rules().stream().filter(r -> r.repository().equals(repository)).toList();
    }
    return catalog.rule(key).map(List::of).orElse(List.of());
  }

  List<RuleInfo> rules() {
    return rules;
  }

  /** A fresh check instance for the rule, with the configured parameters set. */
  PythonCheck newCheck(RuleInfo rule) {
    try {
      PythonCheck check = (PythonCheck) rule.checkClass().getDeclaredConstructor().newInstance();
      for (Map.Entry<Field, Object> value : values.getOrDefault(rule.qualifiedKey(), Map.of()).entrySet()) {
        Field field = value.getKey();
        field.setAccessible(true);
        field.set(check, value.getValue());
      }
      return check;
    } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot create the check of rule " + rule.key(), e);
    }
  }

  private static Field field(RuleInfo rule, String paramKey) {
    List<String> known = new ArrayList<>();
    for (Field field : RuleCatalog.propertyFields(rule.checkClass())) {
      RuleProperty property = field.getAnnotation(RuleProperty.class);
      String key = property.key().isEmpty() ? field.getName() : property.key();
      if (key.equals(paramKey)) {
        return field;
      }
      known.add(key);
    }
    throw new IllegalArgumentException("Rule " + rule.key() + " has no parameter \"" + paramKey + "\""
      + (known.isEmpty() ? " (it has no parameters)" : " (parameters: " + String.join(", ", known) + ")"));
  }

  private static Object convert(String name, Class<?> type, String value) {
    try {
      if (type == int.class || type == Integer.class) {
        return Integer.parseInt(value.trim());
      }
      if (type == long.class || type == Long.class) {
        return Long.parseLong(value.trim());
      }
      if (type == double.class || type == Double.class) {
        return Double.parseDouble(value.trim());
      }
      if (type == float.class || type == Float.class) {
        return Float.parseFloat(value.trim());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Rule parameter " + name + " expects a number, not \"" + value + "\"");
    }
    if (type == boolean.class || type == Boolean.class) {
      String normalized = value.trim().toLowerCase(Locale.ROOT);
      if (!normalized.equals("true") && !normalized.equals("false")) {
        throw new IllegalArgumentException("Rule parameter " + name + " expects true or false, not \"" + value + "\"");
      }
      return Boolean.parseBoolean(normalized);
    }
    return value;
  }
}
