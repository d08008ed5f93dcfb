/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.alembic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backendreview.semantics.django.MigrationGraph;
import org.backendreview.semantics.project.SiblingFiles;

/**
 * The revision history of SQLAlchemy migration tools, read from the files of a {@code versions/} directory and of its
 * sub-directories (Alembic's recursive version locations: OpenStack keeps {@code versions/<release>/expand|contract/}):
 * <ul>
 *   <li>Alembic: a revision that another revision names as its {@code down_revision} (a string or a tuple of them, for
 *   merge points) or in its {@code depends_on} is history; the others are the heads (leaf revisions);</li>
 *   <li>sqlalchemy-migrate: a numbered script {@code NNN_name.py} (no {@code down_revision}, an {@code upgrade}
 *   function) is history when a sibling script has a higher number.</li>
 * </ul>
 * Revision ids are read textually from the module-level assignments {@code revision = "..."}, {@code down_revision = ...},
 * {@code depends_on = ...} and {@code branch_labels = ...} (annotated or not): other files' trees are not available to a
 * check. A revision someone else builds on has run everywhere: a review looks at the heads.
 */
public final class RevisionGraph {

  private static final Pattern REVISION = Pattern.compile("(?m)^revision\\s*(?::[^=\\n]*)?=\\s*[rbuRBU]?['\"]([^'\"]+)['\"]");
  private static final Pattern DOWN_REVISION = Pattern.compile("(?m)^down_revision\\s*(?::[^=\\n]*)?=\\s*");
  private static final Pattern DEPENDS_ON = Pattern.compile("(?m)^depends_on\\s*(?::[^=\\n]*)?=\\s*");
  private static final Pattern STRING = Pattern.compile("['\"]([^'\"]+)['\"]");
  private static final Pattern NUMBERED = Pattern.compile("^(\\d+)_.*\\.py$");
  private static final Pattern UPGRADE = Pattern.compile("(?m)^def\\s+upgrade\\s*\\(");
  private static final Pattern DOWNGRADE = Pattern.compile("(?m)^def\\s+downgrade\\s*\\([^)]*\\)[^:\\n]*:[ \\t]*(?:#[^\\n]*)?\\n");
  private static final int MAX_DEPTH = 3;
  private static final int MAX_DIRECTORIES = 200;

  /**
   * One revision file's facts: its id, the revisions it revises ({@code down_revision}) and depends on, and whether its
   * {@code downgrade()} does something (a body that is more than {@code pass}, comments and a docstring).
   */
  public record Facts(String revision, List<String> downRevisions, List<String> dependsOn, boolean revertible) {
  }

  private RevisionGraph() {
  }

  /** Whether the file is an Alembic revision or a sqlalchemy-migrate script that later revisions build on. */
  public static boolean isHistory(Path file, String text) {
    Path dir = file.getParent();
    Optional<Path> root = versionsRoot(dir);
    if (root.isEmpty()) {
      return false;
    }
    Facts own = facts(text);
    if (own != null) {
      String revision = own.revision();
      return revisions(root.get()).entrySet().stream()
        .anyMatch(s -> !s.getKey().equals(file) && (s.getValue().downRevisions().contains(revision) || s.getValue().dependsOn().contains(revision)));
    }
    String fileName = file.getFileName().toString();
    Matcher numbered = NUMBERED.matcher(fileName);
    if (!dir.equals(root.get()) || !numbered.matches() || DOWN_REVISION.matcher(text).find() || !UPGRADE.matcher(text).find()) {
      return false;
    }
    long number = Long.parseLong(numbered.group(1).length() > 18 ? numbered.group(1).substring(0, 18) : numbered.group(1));
    return SiblingFiles.facts(dir, "migrate-script", t -> Boolean.TRUE).keySet().stream()
      .map(NUMBERED::matcher)
      .filter(Matcher::matches)
      .anyMatch(m -> Long.parseLong(m.group(1).length() > 18 ? m.group(1).substring(0, 18) : m.group(1)) > number);
  }

  /**
   * The Alembic revisions of the version location holding this file (the nearest {@code versions} directory above it,
   * sub-directories included), by path; empty when the file is not below a {@code versions} directory.
   */
  public static Map<Path, Facts> revisionsAround(Path file) {
    return file.getParent() == null ? Map.of() : versionsRoot(file.getParent()).map(RevisionGraph::revisions).orElse(Map.of());
  }

  static Optional<Path> versionsRoot(Path dir) {
    Path current = dir;
    for (int i = 0; current != null && i < MAX_DEPTH; i++, current = current.getParent()) {
      if (current.getFileName() != null && "versions".equals(current.getFileName().toString().toLowerCase(Locale.ROOT))) {
        return Optional.of(current);
      }
    }
    return Optional.empty();
  }

  private static Map<Path, Facts> revisions(Path root) {
    Map<Path, Facts> result = new LinkedHashMap<>();
    List<Path> directories = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root, MAX_DEPTH - 1)) {
      walk.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".") && !"__pycache__".equals(d.getFileName().toString()))
        .limit(MAX_DIRECTORIES).forEach(directories::add);
    } catch (IOException | RuntimeException e) {
      directories.add(root);
    }
    for (Path directory : directories) {
      SiblingFiles.facts(directory, "alembic-revision", RevisionGraph::facts).forEach((name, facts) -> result.put(directory.resolve(name), facts));
    }
    return result;
  }

  static Facts facts(String text) {
    Matcher revision = REVISION.matcher(text);
    Matcher down = DOWN_REVISION.matcher(text);
    if (!revision.find() || !down.find()) {
      return null;
    }
    Matcher depends = DEPENDS_ON.matcher(text);
    return new Facts(revision.group(1), strings(text, down.end()), depends.find() ? strings(text, depends.end()) : List.of(), revertible(text));
  }

  /** The strings of the value starting at {@code start}: one string, or a tuple or list of them (None: none). */
  private static List<String> strings(String text, int start) {
    int end;
    if (start < text.length() && (text.charAt(start) == '(' || text.charAt(start) == '[')) {
      end = MigrationGraph.closing(text, start);
    } else {
      int eol = text.indexOf('\n', start);
      end = eol < 0 ? text.length() : eol;
    }
    List<String> values = new ArrayList<>();
    Matcher string = STRING.matcher(text.substring(start, Math.min(end + 1, text.length())));
    while (string.find()) {
      values.add(string.group(1));
    }
    return values;
  }

  /** Whether a module-level {@code def downgrade} has a body beyond {@code pass}, comments and a docstring. */
  static boolean revertible(String text) {
    Matcher downgrade = DOWNGRADE.matcher(text);
    if (!downgrade.find()) {
      return false;
    }
    boolean inDocstring = false;
    for (String line : text.substring(downgrade.end()).split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      if (!Character.isWhitespace(line.charAt(0))) {
        return false;
      }
      String code = line.strip();
      boolean quotes = code.startsWith("\"\"\"") || code.startsWith("'''");
      if (inDocstring) {
        inDocstring = !(code.endsWith("\"\"\"") || code.endsWith("'''"));
      } else if (quotes) {
        inDocstring = code.length() < 6 || !(code.endsWith("\"\"\"") || code.endsWith("'''"));
      } else if (!code.startsWith("#") && !"pass".equals(code) && !"...".equals(code)) {
        return true;
      }
    }
    return false;
  }
}
