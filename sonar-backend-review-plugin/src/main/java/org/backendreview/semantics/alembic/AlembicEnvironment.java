/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.alembic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.semantics.project.SiblingFiles;

/**
 * The databases an Alembic environment is configured for, read from the URLs written in its {@code env.py} (the parent
 * of the {@code versions} directory) and in {@code sqlalchemy.url} of an {@code alembic.ini} next to it or one level up.
 * Placeholders ({@code driver://...}) and URLs read from the environment or a config service say nothing: empty.
 */
public final class AlembicEnvironment {

  private static final Pattern PY_URL = Pattern.compile("['\"](postgresql|postgres|mysql|mariadb|sqlite|oracle|mssql)(?:\\+\\w+)?://");
  private static final Pattern INI_URL = Pattern.compile("(?m)^\\s*sqlalchemy\\.url\\s*=\\s*(postgresql|postgres|mysql|mariadb|sqlite|oracle|mssql)(?:\\+\\w+)?://");

  private AlembicEnvironment() {
  }

  /** The database kinds ({@code postgresql}, {@code mysql}, {@code sqlite}...) configured for the revision's environment. */
  public static Set<String> configuredDatabases(Path revisionFile) {
    Set<String> databases = new TreeSet<>();
    Optional<Path> root = revisionFile.getParent() == null ? Optional.empty() : RevisionGraph.versionsRoot(revisionFile.getParent());
    if (root.isEmpty() || root.get().getParent() == null) {
      return databases;
    }
    Path scripts = root.get().getParent();
    Set<String> env = SiblingFiles.facts(scripts, "alembic-env-databases", AlembicEnvironment::pythonUrls).get("env.py");
    if (env != null) {
      databases.addAll(env);
    }
    for (Path dir = scripts; dir != null && databases.isEmpty() && dir.startsWith(scripts.getParent() == null ? scripts : scripts.getParent());
      dir = dir.getParent()) {
      Path ini = dir.resolve("alembic.ini");
      if (Files.isRegularFile(ini)) {
        SiblingFiles.text(ini).ifPresent(text -> collect(INI_URL.matcher(text), databases));
      }
    }
    return databases;
  }

  private static Set<String> pythonUrls(String text) {
    Set<String> databases = new TreeSet<>();
    collect(PY_URL.matcher(text), databases);
    return databases;
  }

  private static void collect(Matcher matcher, Set<String> databases) {
    while (matcher.find()) {
      String scheme = matcher.group(1).toLowerCase(Locale.ROOT);
      databases.add("postgres".equals(scheme) ? "postgresql" : "mariadb".equals(scheme) ? "mysql" : scheme);
    }
  }
}
