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
import java.util.List;
import java.util.Optional;

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

  final Path file;
  /** What the file gave, setting by setting (the keys are declared in {@link Setting}). */
  final Settings.Layer values = new Settings.Layer();

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
    if (key.equals(Setting.RULES.key) && value.isTextual() && value.asText().equalsIgnoreCase("all")) {
      values.set(Setting.ALL, true);
      return;
    }
    Setting setting = Setting.byKey().get(key);
    if (setting == null) {
      throw new UsageException(file + ": unknown key \"" + key + "\" in [tool.backend-review] (known keys: "
        + String.join(", ", Setting.byKey().keySet()) + ")");
    }
    switch (setting.shape) {
      case SWITCH -> {
        if (!value.isBoolean()) {
          throw invalid(key, setting.expected);
        }
        values.set(setting, value.asBoolean());
      }
      case LIST, PATHS -> strings(key, value).forEach(item -> values.add(setting, setting.parse(key, item)));
      case MAP -> params(setting, value);
      case PATH -> values.set(setting, text(key, value));
      case VALUE -> {
        if (value.isContainerNode() || value.isBoolean() || (value.isNumber() && setting == Setting.FORMAT)) {
          throw invalid(key, setting.expected);
        }
        try {
          values.set(setting, setting.parse(key, value.asText()));
        } catch (UsageException e) {
          if (value.isTextual() && setting != Setting.THREADS) {
            throw e;
          }
          throw invalid(key, setting.expected);
        }
      }
    }
  }

  private void params(Setting setting, JsonNode value) {
    if (!value.isObject()) {
      throw invalid(setting.key, setting.expected);
    }
    value.properties().forEach(entry -> {
      if (entry.getValue().isObject()) {
        // [tool.backend-review.params.RuleKey] parameter = value
        entry.getValue().properties().forEach(p -> values.put(setting, entry.getKey() + "." + p.getKey(), scalar(setting.key, p.getValue())));
      } else {
        values.put(setting, entry.getKey(), scalar(setting.key, entry.getValue()));
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

  private UsageException invalid(String key, String expected) {
    return new UsageException(file + ": \"" + key + "\" in [tool.backend-review] must be " + expected);
  }
}
