/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/** The parsed command line: the command, the paths, and the values of the {@link Setting}s it gave (the others: see {@link Settings}). */
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
  /** What the command line gave, setting by setting (see {@link Setting} for the flags). */
  final Settings.Layer values = new Settings.Layer();

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
        case "--daemon" -> {
          // the launcher's: it hands the scan to the resident scanner (docs/cli.md, "Daemon"); here, a scan like any other
        }
        default -> options.read(name, value);
      }
      value.checkUsed();
      i = value.index;
    }
    return options;
  }

  /** One flag of a {@link Setting}, with its value when it takes one. */
  private void read(String name, ValueReader value) {
    Setting setting = Setting.byFlag().get(name);
    if (setting == null) {
      throw new UsageException("Unknown option " + name + " (see --help)");
    }
    Setting.Flag flag = setting.flagNamed(name);
    if (flag != null && flag.fixed() != null) {
      values.set(setting, flag.fixed());
      return;
    }
    String text = value.next();
    switch (setting.shape) {
      case LIST, PATHS -> {
        List<String> items = setting.shape == Setting.Shape.PATHS ? List.of(text) : list(text);
        items.forEach(item -> values.add(setting, setting.parse(name, item)));
      }
      case MAP -> {
        int eq = text.indexOf('=');
        if (eq <= 0) {
          throw new UsageException("--param expects RuleKey.parameter=value, not \"" + text + "\"");
        }
        values.put(setting, text.substring(0, eq).trim(), text.substring(eq + 1));
      }
      default -> values.set(setting, setting.parse(name, text));
    }
  }

  /** The value the command line gave for a switch or single-value setting, null when it gave none. */
  @SuppressWarnings("unchecked")
  @Nullable
  <T> T get(Setting setting) {
    return (T) values.get(setting);
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
