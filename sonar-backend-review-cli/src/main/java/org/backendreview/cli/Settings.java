/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;
import org.backendreview.scanner.RuleProfile;

/**
 * The settings of one scan: the command line over {@code [tool.backend-review]} of a {@code pyproject.toml} over the
 * defaults declared in {@link Setting}. This class is the only place that rule is written. Relative paths resolve
 * against the directory of the source that gave them: the working directory for the command line, the file's directory
 * for the {@code pyproject.toml}.
 */
final class Settings {

  /** The values one source gave (the command line or a file); lists and maps accumulate in order. */
  static final class Layer {
    private final Map<Setting, Object> values = new EnumMap<>(Setting.class);

    void set(Setting setting, Object value) {
      values.put(setting, value);
    }

    @SuppressWarnings("unchecked")
    void add(Setting setting, Object item) {
      ((List<Object>) values.computeIfAbsent(setting, s -> new ArrayList<>())).add(item);
    }

    @SuppressWarnings("unchecked")
    void put(Setting setting, String key, String value) {
      ((Map<String, String>) values.computeIfAbsent(setting, s -> new LinkedHashMap<>())).put(key, value);
    }

    boolean has(Setting setting) {
      return values.containsKey(setting);
    }

    @Nullable
    Object get(Setting setting) {
      return values.get(setting);
    }
  }

  private final Layer commandLine;
  private final Path workingDirectory;
  @Nullable
  private final PyprojectConfig file;

  Settings(Layer commandLine, Path workingDirectory, @Nullable PyprojectConfig file) {
    this.commandLine = commandLine;
    this.workingDirectory = workingDirectory;
    this.file = file;
  }

  @Nullable
  PyprojectConfig file() {
    return file;
  }

  /** The value of a switch or single-value setting: the command line's, else the file's, else the default. */
  @SuppressWarnings("unchecked")
  @Nullable
  <T> T value(Setting setting) {
    Object value = commandLine.has(setting) ? commandLine.get(setting) : fileLayer().has(setting) ? fileLayer().get(setting) : setting.defaultValue;
    return (T) value;
  }

  boolean on(Setting setting) {
    return Boolean.TRUE.equals(value(setting));
  }

  /** A list: the command line's replaces the file's ({@link Setting.Merge#REPLACE}) or follows it (COMBINE). */
  List<String> list(Setting setting) {
    List<String> result = new ArrayList<>();
    for (Source source : sources(setting)) {
      for (Object item : items(source.layer, setting)) {
        result.add(item.toString());
      }
    }
    return result;
  }

  /** A list of paths, each resolved against the directory of its source. */
  List<Path> paths(Setting setting) {
    List<Path> result = new ArrayList<>();
    for (Source source : sources(setting)) {
      for (Object item : items(source.layer, setting)) {
        result.add(source.directory.resolve(item.toString()).normalize());
      }
    }
    return result;
  }

  /** A path setting resolved against the directory of the source that gave it; null when none did. */
  @Nullable
  Path path(Setting setting) {
    for (Source source : sources(setting)) {
      Object value = source.layer.get(setting);
      if (value != null) {
        return source.directory.resolve(value.toString()).normalize();
      }
    }
    return null;
  }

  /** A map: the file's entries, then the command line's (which win per key). */
  @SuppressWarnings("unchecked")
  Map<String, String> map(Setting setting) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Source source : List.of(new Source(fileLayer(), fileDirectory()), new Source(commandLine, workingDirectory))) {
      Object value = source.layer.get(setting);
      if (value != null) {
        result.putAll((Map<String, String>) value);
      }
    }
    return result;
  }

  /** Which rules run: {@code --rules}/{@code --all} of the command line, else {@code rules} of the file, else the profile. */
  RuleChoice rules() {
    for (Source source : List.of(new Source(commandLine, workingDirectory), new Source(fileLayer(), fileDirectory()))) {
      boolean fromFile = source.layer != commandLine;
      if (source.layer.has(Setting.RULES)) {
        return new RuleChoice(list(source.layer, Setting.RULES), false, fromFile ? "rules of " + PyprojectConfig.FILE_NAME : "--rules");
      }
      if (Boolean.TRUE.equals(source.layer.get(Setting.ALL))) {
        return new RuleChoice(null, true, "all rules");
      }
    }
    RuleProfile profile = value(Setting.PROFILE);
    return new RuleChoice(null, false, profile == RuleProfile.BACKEND_REVIEW_WAY ? "the \"Backend Review way\" profile"
      : "the \"" + profile.id() + "\" profile (our rules of \"Backend Review way\")");
  }

  /** Explicit rule keys (null: none given), every rule, and how the choice is described in reports. */
  record RuleChoice(@Nullable List<String> keys, boolean all, String description) {
  }

  private record Source(Layer layer, Path directory) {
  }

  /** The sources whose values a setting takes, in order. */
  private List<Source> sources(Setting setting) {
    Source cli = new Source(commandLine, workingDirectory);
    Source fromFile = new Source(fileLayer(), fileDirectory());
    if (setting.merge == Setting.Merge.COMBINE) {
      return List.of(fromFile, cli);
    }
    return commandLine.has(setting) ? List.of(cli) : List.of(fromFile);
  }

  private static List<String> list(Layer layer, Setting setting) {
    return items(layer, setting).stream().map(Object::toString).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> items(Layer layer, Setting setting) {
    Object value = layer.get(setting);
    return value == null ? Collections.emptyList() : (List<Object>) value;
  }

  private Layer fileLayer() {
    return file == null ? EMPTY : file.values;
  }

  private Path fileDirectory() {
    return file == null ? workingDirectory : file.directory();
  }

  private static final Layer EMPTY = new Layer();
}
