/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.annotation.CheckForNull;

/**
 * Patterns with {@code .gitignore} semantics, matched against paths relative to the directory they belong to: blank
 * lines and {@code #} comments ignored, {@code !} re-includes, a trailing {@code /} matches directories only, a
 * pattern with a {@code /} (other than a trailing one) is anchored to the directory, otherwise it matches a name at any
 * depth; {@code *}, {@code ?}, {@code [a-z]}, {@code **}. The last matching pattern wins.
 */
public final class IgnoreRules {

  private record Rule(Pattern regex, boolean negated, boolean directoryOnly) {
  }

  private final List<Rule> rules;

  private IgnoreRules(List<Rule> rules) {
    this.rules = rules;
  }

  public static IgnoreRules parse(List<String> lines) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : lines) {
      String line = stripTrailingSpaces(raw);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negated = false;
      if (line.startsWith("!")) {
        negated = true;
        line = line.substring(1);
      } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
        line = line.substring(1);
      }
      boolean directoryOnly = line.endsWith("/");
      if (directoryOnly) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        continue;
      }
      boolean anchored = line.contains("/");
      if (line.startsWith("/")) {
        line = line.substring(1);
      }
      String regex = (anchored ? "" : "(?:.*/)?") + globToRegex(line);
      rules.add(new Rule(Pattern.compile(regex), negated, directoryOnly));
    }
    return new IgnoreRules(List.copyOf(rules));
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * TRUE when the path is ignored, FALSE when a negated pattern re-includes it, null when no pattern matches.
   *
   * @param relativePath path relative to the patterns' directory, with {@code /} separators
   */
  @CheckForNull
  public Boolean match(String relativePath, boolean directory) {
    Boolean result = null;
    for (Rule rule : rules) {
      if ((!rule.directoryOnly() || directory) && rule.regex().matcher(relativePath).matches()) {
        result = !rule.negated();
      }
    }
    return result;
  }

  /** Whether the path or one of its parent directories (within the relative path) is ignored. */
  public boolean ignores(String relativePath, boolean directory) {
    String[] parts = relativePath.split("/");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        prefix.append('/');
      }
      prefix.append(parts[i]);
      boolean last = i == parts.length - 1;
      if (Boolean.TRUE.equals(match(prefix.toString(), !last || directory))) {
        return true;
      }
    }
    return false;
  }

  private static String stripTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ' && (end < 2 || line.charAt(end - 2) != '\\')) {
      end--;
    }
    return line.substring(0, end).strip().isEmpty() ? "" : line.substring(0, end);
  }

  static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i) && (i == 0 || glob.charAt(i - 1) == '/')) {
        regex.append("(?:.*/)?");
        i += 3;
      } else if (glob.startsWith("**", i) && (i == 0 || glob.charAt(i - 1) == '/') && i + 2 == glob.length()) {
        regex.append(".*");
        i += 2;
      } else if (c == '*') {
        regex.append("[^/]*");
        i++;
      } else if (c == '?') {
        regex.append("[^/]");
        i++;
      } else if (c == '[') {
        int end = glob.indexOf(']', i + 2);
        if (end < 0) {
          regex.append("\\[");
          i++;
        } else {
          String body = glob.substring(i + 1, end);
          if (body.startsWith("!")) {
            body = "^" + body.substring(1);
          }
          regex.append('[').append(body.replace("\\", "\\\\")).append(']');
          i = end + 1;
        }
      } else if (c == '\\' && i + 1 < glob.length()) {
        regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
        i += 2;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return regex.toString();
  }
}
