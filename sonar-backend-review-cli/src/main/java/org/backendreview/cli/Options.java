/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;
import org.backendreview.scanner.Severity;

/** The parsed command line. Null or empty means "not given on the command line" (the config file or the default decides). */
final class Options {

  enum Command {
    SCAN, LIST_RULES, HELP, VERSION
  }

  enum Format {
    TEXT, JSON, SARIF, SONARQUBE, MARKDOWN;

    static Format parse(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("Unknown format \"" + value + "\": use text, json, sarif, sonarqube or markdown");
      }
    }
  }

  enum Color {
    AUTO, ALWAYS, NEVER
  }

  Command command = Command.SCAN;
  final List<Path> paths = new ArrayList<>();
  @Nullable
  Set<String> rules;
  boolean all;
  final Set<String> disabled = new LinkedHashSet<>();
  final Map<String, String> params = new LinkedHashMap<>();
  final List<String> excludes = new ArrayList<>();
  @Nullable
  Boolean gitignore;
  @Nullable
  Boolean defaultExcludes;
  final List<String> tests = new ArrayList<>();
  final List<Path> packageRoots = new ArrayList<>();
  @Nullable
  Boolean notebooks;
  final List<String> pythonVersions = new ArrayList<>();
  @Nullable
  Format format;
  @Nullable
  Path output;
  @Nullable
  Path baseline;
  @Nullable
  Path writeBaseline;
  /** null: not given; empty: "none" (never fail on findings). */
  @Nullable
  String failOn;
  @Nullable
  Boolean strict;
  boolean quiet;
  boolean verbose;
  Color color = Color.AUTO;
  @Nullable
  Integer threads;
  @Nullable
  Path config;
  boolean noConfig;
  @Nullable
  Path baseDir;
  @Nullable
  Long maxFileSize;

  static Options parse(String... args) {
    Options options = new Options();
    List<String> arguments = new ArrayList<>(List.of(args));
    if (!arguments.isEmpty()) {
      switch (arguments.get(0)) {
        case "scan" -> arguments.remove(0);
        case "rules", "list-rules" -> {
          arguments.remove(0);
          options.command = Command.LIST_RULES;
        }
        case "help" -> {
          arguments.remove(0);
          options.command = Command.HELP;
        }
        default -> {
          // "scan" is the default command
        }
      }
    }
    boolean onlyPaths = false;
    for (int i = 0; i < arguments.size(); i++) {
      String arg = arguments.get(i);
      if (onlyPaths || !arg.startsWith("-") || arg.equals("-")) {
        options.paths.add(Path.of(arg));
        continue;
      }
      String name = arg;
      String inlineValue = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        inlineValue = arg.substring(equals + 1);
      }
      ValueReader value = new ValueReader(name, inlineValue, arguments, i);
      switch (name) {
        case "--" -> onlyPaths = true;
        case "-h", "--help" -> options.command = Command.HELP;
        case "-V", "--version" -> options.command = Command.VERSION;
        case "--list-rules" -> options.command = Command.LIST_RULES;
        case "-r", "--rules" -> {
          if (options.rules == null) {
            options.rules = new LinkedHashSet<>();
          }
          options.rules.addAll(list(value.next()));
        }
        case "--all" -> options.all = true;
        case "--disable" -> options.disabled.addAll(list(value.next()));
        case "-p", "--param" -> {
          String param = value.next();
          int eq = param.indexOf('=');
          if (eq <= 0) {
            throw new UsageException("--param expects RuleKey.parameter=value, not \"" + param + "\"");
          }
          options.params.put(param.substring(0, eq).trim(), param.substring(eq + 1));
        }
        case "-e", "--exclude" -> options.excludes.addAll(list(value.next()));
        case "--no-gitignore" -> options.gitignore = false;
        case "--no-default-excludes" -> options.defaultExcludes = false;
        case "--tests" -> options.tests.addAll(list(value.next()));
        case "--package-root" -> options.packageRoots.add(Path.of(value.next()));
        case "--notebooks" -> options.notebooks = true;
        case "--python-version" -> options.pythonVersions.addAll(list(value.next()));
        case "-f", "--format" -> options.format = Format.parse(value.next());
        case "-o", "--output" -> options.output = Path.of(value.next());
        case "--baseline" -> options.baseline = Path.of(value.next());
        case "--write-baseline" -> options.writeBaseline = Path.of(value.next());
        case "--fail-on" -> options.failOn = failOn(value.next());
        case "--strict" -> options.strict = true;
        case "-q", "--quiet" -> options.quiet = true;
        case "-v", "--verbose" -> options.verbose = true;
        case "--color", "--colour" -> options.color = color(value.next());
        case "--no-color" -> options.color = Color.NEVER;
        case "-j", "--threads" -> options.threads = positive(name, value.next());
        case "-c", "--config" -> options.config = Path.of(value.next());
        case "--no-config" -> options.noConfig = true;
        case "--base-dir" -> options.baseDir = Path.of(value.next());
        case "--max-file-size" -> options.maxFileSize = size(value.next());
        default -> throw new UsageException("Unknown option " + name + " (see --help)");
      }
      value.checkUsed();
      i = value.index;
    }
    return options;
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

  private static Color color(String value) {
    try {
      return Color.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--color expects auto, always or never, not \"" + value + "\"");
    }
  }

  private static int positive(String name, String value) {
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

  static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }

  /** Reads the value of an option: {@code --name=value} or the next argument. */
  private static final class ValueReader {
    private final String name;
    private final String inline;
    private final List<String> arguments;
    private int index;
    private boolean used;

    ValueReader(String name, @Nullable String inline, List<String> arguments, int index) {
      this.name = name;
      this.inline = inline;
      this.arguments = arguments;
      this.index = index;
    }

    String next() {
      used = true;
      if (inline != null) {
        return inline;
      }
      if (index + 1 >= arguments.size()) {
        throw new UsageException("Option " + name + " needs a value");
      }
      index++;
      return arguments.get(index);
    }

    void checkUsed() {
      if (inline != null && !used) {
        throw new UsageException("Option " + name + " takes no value");
      }
    }
  }
}
