/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.sqlalchemy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.semantics.django.MigrationGraph;
import org.backendreview.semantics.project.SiblingFiles;

/**
 * The revision history of SQLAlchemy migration tools, read from the sibling files of a {@code versions/} directory:
 * <ul>
 *   <li>Alembic: a revision that a sibling revision names as its {@code down_revision} (a string or a tuple of them, for
 *   merges) is history;</li>
 *   <li>sqlalchemy-migrate: a numbered script {@code NNN_name.py} (no {@code down_revision}, an {@code upgrade}
 *   function) is history when a sibling script has a higher number.</li>
 * </ul>
 * Revision ids are read textually from the module-level assignments {@code revision = "..."} and
 * {@code down_revision = ...} (annotated or not). A revision someone else depends on has run everywhere: a review looks
 * at the heads.
 */
public final class RevisionGraph {

  private static final Pattern REVISION = Pattern.compile("(?m)^revision\\s*(?::[^=\\n]*)?=\\s*[rbuRBU]?['\"]([^'\"]+)['\"]");
  private static final Pattern DOWN_REVISION = Pattern.compile("(?m)^down_revision\\s*(?::[^=\\n]*)?=\\s*");
  private static final Pattern STRING = Pattern.compile("['\"]([^'\"]+)['\"]");
  private static final Pattern NUMBERED = Pattern.compile("^(\\d+)_.*\\.py$");
  private static final Pattern UPGRADE = Pattern.compile("(?m)^def\\s+upgrade\\s*\\(");

  record Facts(String revision, List<String> downRevisions) {
  }

  private RevisionGraph() {
  }

  /** Whether the file is an Alembic revision or a sqlalchemy-migrate script that later revisions build on. */
  public static boolean isHistory(Path file, String text) {
    Path dir = file.getParent();
    if (dir == null || dir.getFileName() == null || !"versions".equals(dir.getFileName().toString())) {
      return false;
    }
    String fileName = file.getFileName().toString();
    Optional<Facts> own = Optional.ofNullable(facts(text));
    if (own.isPresent()) {
      String revision = own.get().revision();
      Map<String, Facts> siblings = SiblingFiles.facts(dir, "alembic-revision", RevisionGraph::facts);
      return siblings.entrySet().stream().anyMatch(s -> !s.getKey().equals(fileName) && s.getValue().downRevisions().contains(revision));
    }
    Matcher numbered = NUMBERED.matcher(fileName);
    if (!numbered.matches() || DOWN_REVISION.matcher(text).find() || !UPGRADE.matcher(text).find()) {
      return false;
    }
    long number = Long.parseLong(numbered.group(1).length() > 18 ? numbered.group(1).substring(0, 18) : numbered.group(1));
    return SiblingFiles.facts(dir, "migrate-script", t -> Boolean.TRUE).keySet().stream()
      .map(NUMBERED::matcher)
      .filter(Matcher::matches)
      .anyMatch(m -> Long.parseLong(m.group(1).length() > 18 ? m.group(1).substring(0, 18) : m.group(1)) > number);
  }

  static Facts facts(String text) {
    Matcher revision = REVISION.matcher(text);
    Matcher down = DOWN_REVISION.matcher(text);
    if (!revision.find() || !down.find()) {
      return null;
    }
    int start = down.end();
    int end;
    if (start < text.length() && (text.charAt(start) == '(' || text.charAt(start) == '[')) {
      end = MigrationGraph.closing(text, start);
    } else {
      int eol = text.indexOf('\n', start);
      end = eol < 0 ? text.length() : eol;
    }
    List<String> downs = new ArrayList<>();
    Matcher string = STRING.matcher(text.substring(start, Math.min(end + 1, text.length())));
    while (string.find()) {
      downs.add(string.group(1));
    }
    return new Facts(revision.group(1), downs);
  }
}
