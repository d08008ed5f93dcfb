/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * The {@code [tool.backend-review]} table of a {@code pyproject.toml}, the Python teams' place for tool settings.
 * Paths and patterns in it are relative to the file's directory, which becomes the base directory of the scan.
 * <pre>
 * [tool.backend-review]
 * rules = ["ReadModifyWriteWithoutF", "IrreversibleDataMigration"]   # or "all"; default: the built-in profile
 * disable = ["DuplicateModuleConstant"]
 * exclude = ["legacy/**", "**&#47;migrations/0001_*.py"]
 * tests = ["tests/**", "**&#47;test_*.py"]
 * fail-on = "high"
 * product = ["scripts/billing/**"]      # code roles (see docs/production-code.md), read by the checks
 * tooling = ["ops/**"]
 * not-code = ["rules/testdata/**"]
 * [tool.backend-review.params]
 * "AllowedHostsWildcard.nonDeployableSettings" = "dev|local|test"
 * </pre>
 */
final class PyprojectConfig {

  static final String FILE_NAME = "pyproject.toml";
  private static final Set<String> KEYS = new TreeSet<>(Set.of("rules", "disable", "params", "exclude", "tests", "package-roots",
    "notebooks", "python-version", "fail-on", "strict", "baseline", "gitignore", "default-excludes", "threads", "format", "max-file-size", "product", "tooling", "not-code"));

  final Path file;
  @Nullable
  List<String> rules;
  boolean all;
  final List<String> disable = new ArrayList<>();
  final Map<String, String> params = new LinkedHashMap<>();
  final List<String> exclude = new ArrayList<>();
  final List<String> tests = new ArrayList<>();
  final List<String> packageRoots = new ArrayList<>();
  @Nullable
  Boolean notebooks;
  final List<String> pythonVersions = new ArrayList<>();
  @Nullable
  String failOn;
  @Nullable
  Boolean strict;
  @Nullable
  String baseline;
  @Nullable
  Boolean gitignore;
  @Nullable
  Boolean defaultExcludes;
  @Nullable
  Integer threads;
  @Nullable
  String format;
  @Nullable
  Long maxFileSize;

  private PyprojectConfig(Path file) {
    this.file = file;
  }

  Path directory() {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  /** The nearest {@code pyproject.toml} with a {@code [tool.backend-review]} table, from {@code start} upwards. */
  static Optional<PyprojectConfig> find(Path start) {
    Path dir = start.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    for (; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        Optional<PyprojectConfig> config = read(candidate, false);
        if (config.isPresent()) {
          return config;
        }
      }
      if (Files.exists(dir.resolve(".git"))) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Reads the table; with {@code required}, a file without it is an error. */
  static Optional<PyprojectConfig> read(Path file, boolean required) {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UsageException("Cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    JsonNode table = root == null ? null : root.path("tool").get("backend-review");
    if (table == null || !table.isObject()) {
      if (required) {
        throw new UsageException(file + " has no [tool.backend-review] table");
      }
      return Optional.empty();
    }
    PyprojectConfig config = new PyprojectConfig(file);
    table.properties().forEach(e -> config.set(e.getKey(), e.getValue()));
    return Optional.of(config);
  }

  private void set(String key, JsonNode value) {
    switch (key) {
      case "rules" -> {
        if (value.isTextual() && value.asText().equalsIgnoreCase("all")) {
          all = true;
        } else {
          rules = strings(key, value);
        }
      }
      case "disable" -> disable.addAll(strings(key, value));
      case "params" -> params(value);
      case "exclude" -> exclude.addAll(strings(key, value));
      case "tests" -> tests.addAll(strings(key, value));
      case "package-roots" -> packageRoots.addAll(strings(key, value));
      case "notebooks" -> notebooks = bool(key, value);
      case "python-version" -> pythonVersions.addAll(strings(key, value));
      case "fail-on" -> failOn = Options.failOn(text(key, value));
      case "strict" -> strict = bool(key, value);
      case "baseline" -> baseline = text(key, value);
      case "gitignore" -> gitignore = bool(key, value);
      case "default-excludes" -> defaultExcludes = bool(key, value);
      case "threads" -> {
        if (!value.canConvertToInt() || value.asInt() < 1) {
          throw invalid(key, "a positive integer");
        }
        threads = value.asInt();
      }
      case "format" -> format = text(key, value);
      case "max-file-size" -> maxFileSize = Options.size(value.asText());
      // code roles: read by the checks themselves from the nearest pyproject.toml (the same in every engine); only validated here
      case "product", "tooling", "not-code" -> strings(key, value);
      default -> throw new UsageException(file + ": unknown key \"" + key + "\" in [tool.backend-review] (known keys: "
        + String.join(", ", KEYS) + ")");
    }
  }

  private void params(JsonNode value) {
    if (!value.isObject()) {
      throw invalid("params", "a table of \"RuleKey.parameter\" = value");
    }
    value.properties().forEach(entry -> {
      if (entry.getValue().isObject()) {
        // [tool.backend-review.params.RuleKey] parameter = value
        entry.getValue().properties().forEach(p -> params.put(entry.getKey() + "." + p.getKey(), scalar("params", p.getValue())));
      } else {
        params.put(entry.getKey(), scalar("params", entry.getValue()));
      }
    });
  }

  private List<String> strings(String key, JsonNode value) {
    List<String> result = new ArrayList<>();
    if (value.isTextual()) {
      result.addAll(Options.list(value.asText()));
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        result.add(scalar(key, item));
      }
    } else {
      throw invalid(key, "a string or a list of strings");
    }
    return result;
  }

  private String scalar(String key, JsonNode value) {
    if (value.isContainerNode()) {
      throw invalid(key, "strings, numbers or booleans");
    }
    return value.asText();
  }

  private String text(String key, JsonNode value) {
    if (!value.isTextual()) {
      throw invalid(key, "a string");
    }
    return value.asText();
  }

  private boolean bool(String key, JsonNode value) {
    if (!value.isBoolean()) {
      throw invalid(key, "true or false");
    }
    return value.asBoolean();
  }

  private UsageException invalid(String key, String expected) {
    return new UsageException(file + ": \"" + key + "\" in [tool.backend-review] must be " + expected);
  }
}
