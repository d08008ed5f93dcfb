/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.common;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * What the packaged plugin jar declares, read from its resources (the ITs never load the plugin's classes): the rules
 * with their metadata, the built-in profile and the snapshot of SonarPython's "Sonar way".
 */
public final class PluginMetadata {

  public static final String REPOSITORY = "backendreview";
  public static final String PROFILE_NAME = "Backend Review way";
  private static final String FOLDER = "org/backendreview/rules/backendreview/";
  private static final String PROFILE = "Backend_Review_way_profile.json";
  private static final String SONAR_WAY_SNAPSHOT = "python_sonar_way.json";

  /** One rule's metadata as written in its JSON file. */
  public record Rule(String key, String title, String type, String severity, String cleanCodeAttribute, Map<String, String> impacts,
    List<String> tags, List<String> owaspTop10_2021, List<String> cwe) {

    public boolean isSecurity() {
      return impacts.containsKey("SECURITY");
    }
  }

  private final Map<String, Rule> rules;
  private final Set<String> profileKeys;
  private final Set<String> sonarWaySnapshot;

  private PluginMetadata(Map<String, Rule> rules, Set<String> profileKeys, Set<String> sonarWaySnapshot) {
    this.rules = rules;
    this.profileKeys = profileKeys;
    this.sonarWaySnapshot = sonarWaySnapshot;
  }

  public static PluginMetadata of(Path jar) {
    Map<String, Rule> rules = new TreeMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (ZipEntry entry : Collections.list(file.entries())) {
        String name = entry.getName();
        if (name.startsWith(FOLDER) && name.endsWith(".json") && name.indexOf('/', FOLDER.length()) < 0
          && !name.endsWith(PROFILE) && !name.endsWith(SONAR_WAY_SNAPSHOT)) {
          String key = name.substring(FOLDER.length(), name.length() - ".json".length());
          rules.put(key, rule(key, json(file, entry)));
        }
      }
      Set<String> profile = strings(json(file, file.getEntry(FOLDER + PROFILE)).getAsJsonArray("ruleKeys"));
      Set<String> snapshot = strings(json(file, file.getEntry(FOLDER + SONAR_WAY_SNAPSHOT)).getAsJsonArray("ruleKeys"));
      return new PluginMetadata(Collections.unmodifiableMap(rules), profile, snapshot);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + jar, e);
    }
  }

  private static JsonObject json(JarFile file, ZipEntry entry) throws IOException {
    if (entry == null) {
      throw new IllegalStateException("Missing resource in " + file.getName());
    }
    try (InputStream in = file.getInputStream(entry)) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
    }
  }

  private static Rule rule(String key, JsonObject json) {
    JsonObject code = json.getAsJsonObject("code");
    Map<String, String> impacts = new TreeMap<>();
    code.getAsJsonObject("impacts").entrySet().forEach(e -> impacts.put(e.getKey(), e.getValue().getAsString()));
    List<String> owasp = new ArrayList<>();
    List<String> cwe = new ArrayList<>();
    JsonObject standards = json.getAsJsonObject("securityStandards");
    if (standards != null) {
      if (standards.has("OWASP Top 10 2021")) {
        owasp.addAll(strings(standards.getAsJsonArray("OWASP Top 10 2021")));
      }
      if (standards.has("CWE")) {
        standards.getAsJsonArray("CWE").forEach(c -> cwe.add(c.getAsString()));
      }
    }
    return new Rule(key, json.get("title").getAsString(), json.get("type").getAsString(),
      json.get("defaultSeverity").getAsString().toUpperCase(Locale.ROOT), code.get("attribute").getAsString(),
      Collections.unmodifiableMap(impacts), List.copyOf(strings(json.getAsJsonArray("tags"))), List.copyOf(owasp), List.copyOf(cwe));
  }

  private static Set<String> strings(JsonArray array) {
    Set<String> values = new TreeSet<>();
    if (array != null) {
      for (JsonElement element : array) {
        values.add(element.getAsString());
      }
    }
    return values;
  }

  /** Rules by key (without repository). */
  public Map<String, Rule> rules() {
    return rules;
  }

  /** The keys of our rules in the built-in profile. */
  public Set<String> profileKeys() {
    return profileKeys;
  }

  /** The SonarPython "Sonar way" keys the built-in profile also activates when the server knows them. */
  public Set<String> sonarWaySnapshot() {
    return sonarWaySnapshot;
  }
}
