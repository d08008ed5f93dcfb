/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.semantics.project.SiblingFiles;

/**
 * The graph of one Django app's migrations, read from the sibling files of its {@code migrations/} directory: which
 * migrations others depend on ({@code dependencies}) or replace ({@code replaces}). A migration another one of the same
 * app depends on is <em>history</em>: it has run everywhere, a review looks at the leaves (what a change adds).
 * <p>
 * The app's label is the one its sibling migrations use for each other (the label most often paired with a sibling's
 * name in {@code dependencies}), else the app directory's name. Dependencies are read textually from the
 * {@code dependencies = [...]} and {@code replaces = [...]} lists: ({@code "label", "name"}) string pairs;
 * {@code swappable_dependency(...)} and computed entries are ignored (they name other apps).
 */
public final class MigrationGraph {

  private static final Pattern LIST_START = Pattern.compile("(?m)^\\s*(dependencies|replaces)\\s*(?::[^=\\n]*)?=\\s*[\\[(]");
  private static final Pattern PAIR = Pattern.compile("\\(\\s*[rbuRBU]?['\"]([\\w.\\-]+)['\"]\\s*,\\s*[rbuRBU]?['\"]([\\w.\\-]+)['\"]\\s*,?\\s*\\)");
  private static final Pattern MIGRATION_CLASS = Pattern.compile("(?m)^class\\s+Migration\\s*\\(");

  /** What one migration file says about others: its dependency and replaced pairs ({@code label/name}). */
  record Facts(List<String> dependencies, List<String> replaces) {
  }

  private MigrationGraph() {
  }

  /** Whether the file is a Django migration: a module of a {@code migrations} package declaring {@code class Migration(...)}. */
  public static boolean isMigration(Path file, String text) {
    Path parent = file.getParent();
    return parent != null && parent.getFileName() != null && "migrations".equals(parent.getFileName().toString())
      && !"__init__.py".equals(file.getFileName().toString()) && MIGRATION_CLASS.matcher(text).find();
  }

  /**
   * Whether another migration of the same app depends on this one or replaces it (so it is not a leaf of the app's
   * graph). False when the directory cannot be read.
   */
  public static boolean isDependedOn(Path file) {
    Path dir = file.getParent();
    if (dir == null) {
      return false;
    }
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.length() - ".py".length());
    Map<String, Facts> siblings = SiblingFiles.facts(dir, "django-migration", MigrationGraph::facts);
    String label = label(siblings, dir);
    String pair = label + "/" + name;
    for (Map.Entry<String, Facts> sibling : siblings.entrySet()) {
      if (!sibling.getKey().equals(fileName) && (sibling.getValue().dependencies().contains(pair) || sibling.getValue().replaces().contains(pair))) {
        return true;
      }
    }
    return false;
  }

  /** The label of the app whose migrations directory this is (see the class comment). */
  public static String appLabel(Path dir) {
    return label(SiblingFiles.facts(dir, "django-migration", MigrationGraph::facts), dir);
  }

  /** The name of the sibling migration replacing this one (a squashed migration), if any. */
  public static java.util.Optional<String> replacedBy(Path dir, String label, String name) {
    String pair = label + "/" + name;
    return SiblingFiles.facts(dir, "django-migration", MigrationGraph::facts).entrySet().stream()
      .filter(e -> e.getValue().replaces().contains(pair))
      .map(e -> e.getKey().substring(0, e.getKey().length() - ".py".length()))
      .findFirst();
  }

  /** The app label: the one the siblings pair most often with a sibling's name, else the app directory's name. */
  private static String label(Map<String, Facts> siblings, Path dir) {
    Map<String, Integer> counts = new HashMap<>();
    for (Facts facts : siblings.values()) {
      for (String pair : facts.dependencies()) {
        int slash = pair.indexOf('/');
        if (siblings.containsKey(pair.substring(slash + 1) + ".py")) {
          counts.merge(pair.substring(0, slash), 1, Integer::sum);
        }
      }
    }
    Path app = dir.getParent();
    String fallback = app == null || app.getFileName() == null ? "" : app.getFileName().toString();
    return counts.entrySet().stream()
      .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> e.getKey().equals(fallback) ? 1 : 0))
      .map(Map.Entry::getKey).orElse(fallback);
  }

  static Facts facts(String text) {
    if (!MIGRATION_CLASS.matcher(text).find()) {
      return null;
    }
    List<String> dependencies = new ArrayList<>();
    List<String> replaces = new ArrayList<>();
    Matcher start = LIST_START.matcher(text);
    while (start.find()) {
      int end = closing(text, start.end() - 1);
      List<String> target = "dependencies".equals(start.group(1)) ? dependencies : replaces;
      Matcher pair = PAIR.matcher(text.substring(start.end(), end));
      while (pair.find()) {
        target.add(pair.group(1) + "/" + pair.group(2));
      }
    }
    return new Facts(dependencies, replaces);
  }

  /** The index of the bracket closing the one at {@code open} (or the text's end), skipping quoted strings. */
  public static int closing(String text, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#') {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? text.length() : eol;
      } else if (c == '[' || c == '(' || c == '{') {
        depth++;
      } else if (c == ']' || c == ')' || c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return text.length();
  }
}
