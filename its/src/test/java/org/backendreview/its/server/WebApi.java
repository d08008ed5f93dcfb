/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.backendreview.its.common.Issue;
import org.backendreview.its.common.PluginMetadata;

/** Web API calls the server ITs share: paging, quality profiles, projects, issues. */
final class WebApi {

  /** A quality profile with every rule of our repository active, and nothing else. */
  static final String ALL_RULES_PROFILE = "Backend Review ITs - all rules";

  private static final Map<String, String> PROFILE_KEYS = new HashMap<>();

  private WebApi() {
  }

  static List<JsonObject> objects(JsonArray array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonElement::getAsJsonObject).toList();
  }

  static List<String> strings(JsonArray array) {
    return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false).map(JsonElement::getAsString).toList();
  }

  /** Every element of a paged search ({@code ps}=500), e.g. api/rules/search with field "rules". */
  static List<JsonObject> all(SonarQubeServer server, String path, String field, String... params) {
    List<JsonObject> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      String[] withPage = Arrays.copyOf(params, params.length + 4);
      withPage[params.length] = "ps";
      withPage[params.length + 1] = "500";
      withPage[params.length + 2] = "p";
      withPage[params.length + 3] = Integer.toString(page);
      JsonObject response = server.get(path, withPage);
      List<JsonObject> items = objects(response.getAsJsonArray(field));
      all.addAll(items);
      int total = response.has("paging") ? response.getAsJsonObject("paging").get("total").getAsInt() : response.get("total").getAsInt();
      if (items.isEmpty() || all.size() >= total) {
        return all;
      }
    }
  }

  /** The key of the quality profile named so for Python. */
  static String profileKey(SonarQubeServer server, String name) {
    return objects(server.get("api/qualityprofiles/search", "language", "py").getAsJsonArray("profiles")).stream()
      .filter(p -> p.get("name").getAsString().equals(name))
      .map(p -> p.get("key").getAsString())
      .findFirst().orElseThrow(() -> new AssertionError("No Python profile named '" + name + "'"));
  }

  /**
   * Creates (once per server) a profile with every rule of our repository and the SonarPython rules of the built-in
   * profile "Backend Review way" (Sonar way without the rules ours supersede): the whole profile, opt-in rules of ours
   * included. The standalone CLI's parity test runs the same rule set (CliParityIT).
   */
  static synchronized String allRulesProfile(SonarQubeServer server) {
    return PROFILE_KEYS.computeIfAbsent(server.url(), url -> {
      String key = server.post("api/qualityprofiles/create", "language", "py", "name", ALL_RULES_PROFILE)
        .getAsJsonObject("profile").get("key").getAsString();
      JsonObject result = server.post("api/qualityprofiles/activate_rules", "targetKey", key, "repositories", PluginMetadata.REPOSITORY);
      if (result.get("failed").getAsInt() != 0) {
        throw new AssertionError("Some rules could not be activated: " + result);
      }
      JsonObject python = server.post("api/qualityprofiles/activate_rules", "targetKey", key, "repositories", "python",
        "qprofile", profileKey(server, "Backend Review way"), "activation", "true");
      if (python.get("failed").getAsInt() != 0) {
        throw new AssertionError("Some SonarPython rules could not be activated: " + python);
      }
      return key;
    });
  }

  /** Creates a project that uses the given Python profile. */
  static void provision(SonarQubeServer server, String projectKey, String profileName) {
    server.post("api/projects/create", "project", projectKey, "name", projectKey);
    server.post("api/qualityprofiles/add_project", "language", "py", "qualityProfile", profileName, "project", projectKey);
  }

  /** The open issues of our repository (bare keys) and SonarPython's ({@code python:S1234}) on a project, as engine-neutral issues. */
  static Set<Issue> issues(SonarQubeServer server, String projectKey) {
    Set<Issue> issues = new TreeSet<>();
    for (JsonObject issue : all(server, "api/issues/search", "issues", "components", projectKey, "resolved", "false")) {
      String rule = issue.get("rule").getAsString();
      if (!rule.startsWith(PluginMetadata.REPOSITORY + ":") && !rule.startsWith("python:")) {
        continue;
      }
      String component = issue.get("component").getAsString();
      String file = component.substring(component.indexOf(':') + 1);
      int line = issue.has("line") ? issue.get("line").getAsInt() : 0;
      issues.add(new Issue(file, line, rule.startsWith("python:") ? rule : rule.substring(rule.indexOf(':') + 1), issue.get("message").getAsString()));
    }
    // security hotspots are not issues in the Web API: they are listed apart, and count as findings like the CLI's
    for (JsonObject hotspot : all(server, "api/hotspots/search", "hotspots", "project", projectKey)) {
      String rule = hotspot.get("ruleKey").getAsString();
      if (!rule.startsWith(PluginMetadata.REPOSITORY + ":")) {
        continue;
      }
      String component = hotspot.get("component").getAsString();
      String file = component.substring(component.indexOf(':') + 1);
      int line = hotspot.has("line") ? hotspot.get("line").getAsInt() : 0;
      issues.add(new Issue(file, line, rule.substring(rule.indexOf(':') + 1), hotspot.get("message").getAsString()));
    }
    return issues;
  }
}
