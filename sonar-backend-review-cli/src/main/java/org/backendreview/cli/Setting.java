/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.backendreview.scanner.RuleProfile;
import org.backendreview.scanner.Severity;

/**
 * Every setting of the scanner, declared once: its command-line flags, its key in {@code [tool.backend-review]} of a
 * {@code pyproject.toml} (none for command-line-only settings), the shape of its value and how the two sources combine.
 * {@link Options} (the command line) and {@link PyprojectConfig} (the file) both read through this table, and
 * {@link Settings} applies the one precedence rule: the command line over the file over the default.
 * <p>
 * Adding an option: one constant here, and the line of {@link Main} (or {@link Settings}) that uses its value.
 */
enum Setting {
  RULES("rules", Shape.LIST, Merge.REPLACE, "a string or a list of strings", null, flag("-r"), flag("--rules")),
  ALL(null, Shape.SWITCH, Merge.REPLACE, "", false, fixed("--all", true)),
  PROFILE("profile", Shape.VALUE, Merge.REPLACE, "a string", RuleProfile.BACKEND_REVIEW_WAY, flag("--profile")) {
    @Override
    Object parse(String name, String value) {
      return RuleProfile.parse(value).orElseThrow(() -> new UsageException("Unknown profile \"" + value
        + "\": use backend-review-way (Sonar way and ours, the default) or backend-review (ours only)"));
    }
  },
  DISABLE("disable", Shape.LIST, Merge.COMBINE, "a string or a list of strings", null, flag("--disable")),
  PARAMS("params", Shape.MAP, Merge.COMBINE, "a table of \"RuleKey.parameter\" = value", null, flag("-p"), flag("--param")),
  EXCLUDE("exclude", Shape.LIST, Merge.COMBINE, "a string or a list of strings", null, flag("-e"), flag("--exclude")),
  GITIGNORE("gitignore", Shape.SWITCH, Merge.REPLACE, "true or false", true, fixed("--no-gitignore", false)),
  DEFAULT_EXCLUDES("default-excludes", Shape.SWITCH, Merge.REPLACE, "true or false", true, fixed("--no-default-excludes", false)),
  TESTS("tests", Shape.LIST, Merge.REPLACE, "a string or a list of strings", null, flag("--tests")),
  PACKAGE_ROOTS("package-roots", Shape.PATHS, Merge.COMBINE, "a string or a list of strings", null, flag("--package-root")),
  NOTEBOOKS("notebooks", Shape.SWITCH, Merge.REPLACE, "true or false", false, fixed("--notebooks", true)),
  PYTHON_VERSION("python-version", Shape.LIST, Merge.REPLACE, "a string or a list of strings", null, flag("--python-version")) {
    @Override
    Object parse(String name, String value) {
      if (!VERSION.matcher(value).matches()) {
        throw new UsageException("Unknown Python version \"" + value + "\": use e.g. 3.12");
      }
      return value;
    }
  },
  FORMAT("format", Shape.VALUE, Merge.REPLACE, "a string", Options.Format.TEXT, flag("-f"), flag("--format")) {
    @Override
    Object parse(String name, String value) {
      return Options.Format.parse(value);
    }
  },
  OUTPUT(null, Shape.PATH, Merge.REPLACE, "", null, flag("-o"), flag("--output")),
  BASELINE("baseline", Shape.PATH, Merge.REPLACE, "a string", null, flag("--baseline")),
  WRITE_BASELINE(null, Shape.PATH, Merge.REPLACE, "", null, flag("--write-baseline")),
  /** A severity name, or "" for "none" (never fail on findings). */
  FAIL_ON("fail-on", Shape.VALUE, Merge.REPLACE, "a string", Severity.INFO.name(), flag("--fail-on")) {
    @Override
    Object parse(String name, String value) {
      return failOn(value);
    }
  },
  FIX(null, Shape.SWITCH, Merge.REPLACE, "", false, fixed("--fix", true)),
  APPLY(null, Shape.SWITCH, Merge.REPLACE, "", false, fixed("--apply", true)),
  STRICT("strict", Shape.SWITCH, Merge.REPLACE, "true or false", false, fixed("--strict", true)),
  QUIET(null, Shape.SWITCH, Merge.REPLACE, "", false, fixed("-q", true), fixed("--quiet", true)),
  VERBOSE(null, Shape.SWITCH, Merge.REPLACE, "", false, fixed("-v", true), fixed("--verbose", true)),
  COLOR(null, Shape.VALUE, Merge.REPLACE, "", Options.Color.AUTO, flag("--color"), flag("--colour"), fixed("--no-color", Options.Color.NEVER)) {
    @Override
    Object parse(String name, String value) {
      try {
        return Options.Color.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--color expects auto, always or never, not \"" + value + "\"");
      }
    }
  },
  THREADS("threads", Shape.VALUE, Merge.REPLACE, "a positive integer", null, flag("-j"), flag("--threads")) {
    @Override
    Object parse(String name, String value) {
      try {
        int number = Integer.parseInt(value.trim());
        if (number >= 1) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new UsageException(name + " expects a positive number, not \"" + value + "\"");
    }
  },
  /** The findings cache (docs/cli.md, "Cache"): on by default, in {@code .backend-review-cache} under the base directory. */
  CACHE("cache", Shape.SWITCH, Merge.REPLACE, "true or false", true, fixed("--no-cache", false)),
  CACHE_DIR("cache-dir", Shape.PATH, Merge.REPLACE, "a string", null, flag("--cache-dir")),
  CONFIG(null, Shape.PATH, Merge.REPLACE, "", null, flag("-c"), flag("--config")),
  NO_CONFIG(null, Shape.SWITCH, Merge.REPLACE, "", false, fixed("--no-config", true)),
  BASE_DIR(null, Shape.PATH, Merge.REPLACE, "", null, flag("--base-dir")),
  /** Code roles (docs/production-code.md): read by the checks themselves from the nearest pyproject.toml, the same in
   * every engine; the scanner only validates them. */
  PRODUCT("product", Shape.LIST, Merge.REPLACE, "a string or a list of strings", null),
  TOOLING("tooling", Shape.LIST, Merge.REPLACE, "a string or a list of strings", null),
  NOT_CODE("not-code", Shape.LIST, Merge.REPLACE, "a string or a list of strings", null),
  MAX_FILE_SIZE("max-file-size", Shape.VALUE, Merge.REPLACE, "a size such as \"20MB\"", null, flag("--max-file-size")) {
    @Override
    Object parse(String name, String value) {
      return size(value);
    }
  };

  /** How a value is written: a switch (a flag without argument; a boolean in the file), one value, a list, paths, a map. */
  enum Shape {
    SWITCH, VALUE, LIST, PATH, PATHS, MAP
  }

  /** What the command line does to the file's value: replaces it, or adds to it (maps: the command line wins per key). */
  enum Merge {
    REPLACE, COMBINE
  }

  /** A command-line flag; {@code fixed} is the value of a flag that takes no argument. */
  record Flag(String name, @Nullable Object fixed) {
  }

  private static final Pattern VERSION = Pattern.compile("3\\.\\d{1,2}");

  @Nullable
  final String key;
  final Shape shape;
  final Merge merge;
  /** What the file's value must be, for the error message. */
  final String expected;
  @Nullable
  final Object defaultValue;
  final List<Flag> flags;

  Setting(@Nullable String key, Shape shape, Merge merge, String expected, @Nullable Object defaultValue, Flag... flags) {
    this.key = key;
    this.shape = shape;
    this.merge = merge;
    this.expected = expected;
    this.defaultValue = defaultValue;
    this.flags = List.of(flags);
  }

  /** One item of the value, as written on the command line or as a string in the file; {@code name} is the flag or key. */
  Object parse(String name, String value) {
    return value;
  }

  /** The flag of this setting with that name, if any. */
  @Nullable
  Flag flagNamed(String name) {
    return flags.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  /** The setting of each command-line flag. */
  static Map<String, Setting> byFlag() {
    return Index.BY_FLAG;
  }

  /** The setting of each key of {@code [tool.backend-review]}, sorted by key. */
  static Map<String, Setting> byKey() {
    return Index.BY_KEY;
  }

  private static Flag flag(String name) {
    return new Flag(name, null);
  }

  private static Flag fixed(String name, Object value) {
    return new Flag(name, value);
  }

  private static final class Index {
    static final Map<String, Setting> BY_FLAG = new HashMap<>();
    static final Map<String, Setting> BY_KEY = new TreeMap<>();

    static {
      for (Setting setting : values()) {
        setting.flags.forEach(flag -> BY_FLAG.put(flag.name(), setting));
        if (setting.key != null) {
          BY_KEY.put(setting.key, setting);
        }
      }
    }
  }

  /** Validates a --fail-on value: a severity or "none"; returns the severity name, "" for none. */
  static String failOn(String value) {
    if (value.trim().equalsIgnoreCase("none") || value.trim().equalsIgnoreCase("never")) {
      return "";
    }
    return Severity.parse(value).map(Severity::name)
      .orElseThrow(() -> new UsageException("Unknown severity \"" + value + "\" for --fail-on: use blocker, high, medium, low, info or none "
        + "(critical, major and minor are accepted too)"));
  }

  static long size(String value) {
    String text = value.trim().toUpperCase(Locale.ROOT);
    long factor = 1;
    for (String[] unit : new String[][] {{"KB", "1024"}, {"K", "1024"}, {"MB", "1048576"}, {"M", "1048576"}, {"B", "1"}}) {
      if (text.endsWith(unit[0])) {
        factor = Long.parseLong(unit[1]);
        text = text.substring(0, text.length() - unit[0].length()).trim();
        break;
      }
    }
    try {
      long number = Long.parseLong(text);
      if (number > 0) {
        return number * factor;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--max-file-size expects a size such as 500KB or 20MB, not \"" + value + "\"");
  }
}
