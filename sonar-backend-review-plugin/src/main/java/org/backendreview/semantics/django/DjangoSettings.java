/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.PythonFile;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CompoundAssignmentStatement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Django settings modules: recognising them, telling deployable settings from development/test ones, and listing the
 * module-level settings they assign.
 * <p>
 * A module is a settings module when its path says so ({@code settings.py}, {@code *_settings.py}, {@code settings_*.py},
 * any module under a {@code settings/} package) and it assigns at least one well-known Django setting at module level,
 * or, whatever its name, when it assigns at least {@value #MIN_KNOWN_SETTINGS_ANYWHERE} well-known Django settings.
 * <p>
 * A settings module is deployable unless its file name, the name of its directory, or its package names within
 * {@code settings/} match the non-deployable pattern (development, local, test, CI settings, examples), or it turns
 * {@code DEBUG} on unconditionally: rules about production configuration stay silent there.
 */
public final class DjangoSettings {

  /** Default pattern of file/package name words that mark non-deployable settings. */
  public static final String DEFAULT_NON_DEPLOYABLE = "dev|develop|development|local|localhost|test|tests|testing|ci|debug|sample|example|docker_dev";

  static final int MIN_KNOWN_SETTINGS_ANYWHERE = 3;
  private static final String DJANGO_DEFAULTS = "global_settings.py";

  private static final Set<String> KNOWN_SETTINGS = Set.of(
    "INSTALLED_APPS", "MIDDLEWARE", "MIDDLEWARE_CLASSES", "ROOT_URLCONF", "DATABASES", "SECRET_KEY", "ALLOWED_HOSTS", "TEMPLATES",
    "WSGI_APPLICATION", "ASGI_APPLICATION", "AUTH_PASSWORD_VALIDATORS", "STATIC_URL", "STATIC_ROOT", "MEDIA_URL", "MEDIA_ROOT",
    "DEFAULT_AUTO_FIELD", "LANGUAGE_CODE", "USE_TZ", "AUTH_USER_MODEL", "SESSION_ENGINE", "CSRF_TRUSTED_ORIGINS", "REST_FRAMEWORK",
    "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "LOGGING", "CACHES", "DEBUG");

  private DjangoSettings() {
  }

  /** True when the file is a Django settings module (see the class comment). */
  public static boolean isSettingsModule(FileInput fileInput, PythonFile file) {
    int known = assignedSettingNames(fileInput).stream().filter(KNOWN_SETTINGS::contains).toList().size();
    if (known >= MIN_KNOWN_SETTINGS_ANYWHERE) {
      return true;
    }
    return known > 0 && hasSettingsPath(file);
  }

  /** True when the summarised module is a Django settings module (see the class comment). */
  public static boolean isSettingsModule(org.backendreview.semantics.project.ModuleSummary summary, PythonFile file) {
    return isSettingsModule(summary, file.fileName(), directoryName(file));
  }

  private static String directoryName(PythonFile file) {
    String path = file.uri() == null || file.uri().getPath() == null ? "" : file.uri().getPath();
    String[] parts = path.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] : "";
  }

  /**
   * False only when {@link #isSettingsModule(org.backendreview.semantics.project.ModuleSummary, PythonFile)} is certainly
   * false, found without summarising the module: neither the file's nor its directory's name says "settings" and no
   * module-level assignment (the ones a summary records, also in module-level if/try/with blocks) binds a known setting
   * name. Most modules of a project stop here, so their summary is not built for this question.
   */
  public static boolean maybeSettingsModule(FileInput fileInput, PythonFile file) {
    String fileName = file.fileName();
    if (DJANGO_DEFAULTS.equals(fileName)) {
      return false;
    }
    if (hasSettingsWord(fileName.replaceFirst("\\.py$", "")) || hasSettingsWord(directoryName(file))) {
      return true;
    }
    // a superset of the names a summary records as assigned: every module-level name target
    return assignedSettingNames(fileInput).stream().anyMatch(KNOWN_SETTINGS::contains);
  }

  /** The same, from the module's file name and the name of its directory. */
  public static boolean isSettingsModule(org.backendreview.semantics.project.ModuleSummary summary, String fileName, String directory) {
    if (DJANGO_DEFAULTS.equals(fileName)) {
      // django/conf/global_settings.py: Django's own defaults, not a project's settings
      return false;
    }
    long known = summary.assignments().keySet().stream().filter(KNOWN_SETTINGS::contains).count();
    if (known >= MIN_KNOWN_SETTINGS_ANYWHERE) {
      return true;
    }
    boolean settingsPath = hasSettingsWord(fileName.replaceFirst("\\.py$", "")) || hasSettingsWord(directory);
    boolean starImports = summary.steps().stream().anyMatch(s -> s.op() == org.backendreview.semantics.project.ModuleSummary.Op.STAR_IMPORT);
    return settingsPath && (known > 0 || starImports);
  }

  private static boolean hasSettingsWord(String segment) {
    for (String word : segment.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if ("settings".equals(word)) {
        return true;
      }
    }
    return false;
  }

  /** True when the settings module is meant for deployment (see the class comment). */
  public static boolean isDeployable(PythonFile file, Pattern nonDeployableWords) {
    for (String segment : nameSegments(file)) {
      for (String word : segment.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
        if (!word.isEmpty() && nonDeployableWords.matcher(word).matches()) {
          return false;
        }
      }
      // compound names written as one word, e.g. "settings_dev" handled above, "devsettings" here
      if (nonDeployableWords.matcher(segment.toLowerCase(Locale.ROOT).replace("settings", "")).matches()) {
        return false;
      }
    }
    return true;
  }

  /** Compiles a user-supplied words pattern (alternatives matched against whole words, case-insensitive). */
  public static Pattern wordsPattern(String alternatives) {
    return Pattern.compile("(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE);
  }

  /** The same from the module's summary: a settings module, not named like development settings, DEBUG not on. */
  public static boolean isDeployableSettingsModule(org.backendreview.semantics.project.ModuleSummary summary, PythonFile file,
    Pattern nonDeployableWords) {
    return isSettingsModule(summary, file) && isDeployable(file, nonDeployableWords) && !turnsDebugOn(summary);
  }

  /** True when the summarised module sets {@code DEBUG = True} unconditionally at its top level. */
  public static boolean turnsDebugOn(org.backendreview.semantics.project.ModuleSummary summary) {
    return summary.steps().stream().anyMatch(s -> s.op() == org.backendreview.semantics.project.ModuleSummary.Op.ASSIGN && !s.conditional()
      && "DEBUG".equals(s.target()) && s.value() instanceof org.backendreview.semantics.project.ModuleSummary.Bool b && b.value());
  }

  /** True when a deployable settings module: the combination every production-settings rule needs. */
  public static boolean isDeployableSettingsModule(FileInput fileInput, PythonFile file, Pattern nonDeployableWords) {
    return isSettingsModule(fileInput, file) && isDeployable(file, nonDeployableWords) && !turnsDebugOn(fileInput);
  }

  /**
   * True when the module sets {@code DEBUG = True} unconditionally at its top level: such settings (a sandbox, a demo
   * project, a developer's settings) cannot be deployed as they are, Django then serves error pages with the settings.
   */
  public static boolean turnsDebugOn(FileInput fileInput) {
    if (fileInput.statements() == null) {
      return false;
    }
    for (var statement : fileInput.statements().statements()) {
      if (statement instanceof AssignmentStatement assignment && assignment.lhsExpressions().stream()
        .anyMatch(l -> l.expressions().size() == 1 && l.expressions().get(0) instanceof Name name && "DEBUG".equals(name.name()))
        && assignment.assignedValue() instanceof Name value && "True".equals(value.name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the statement runs only in debug mode: it is nested in an {@code if} whose condition reads
   * {@code DEBUG} (and is not negated with {@code not}).
   */
  public static boolean isGuardedByDebug(Tree tree) {
    Tree child = tree;
    Tree current = tree.parent();
    while (current != null && !current.is(Tree.Kind.FILE_INPUT, Tree.Kind.FUNCDEF, Tree.Kind.CLASSDEF)) {
      if (current instanceof IfStatement ifStatement && child == ifStatement.body() && readsDebugPositively(ifStatement.condition())) {
        return true;
      }
      child = current;
      current = current.parent();
    }
    return false;
  }

  private static boolean readsDebugPositively(Expression condition) {
    Expression cond = Trees.skipParentheses(condition);
    if (cond.is(Tree.Kind.NOT)) {
      return false;
    }
    boolean[] found = {false};
    Trees.walk(cond, t -> !t.is(Tree.Kind.NOT), t -> {
      if (t instanceof Name name && "DEBUG".equals(name.name())) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /** Names bound at module level (including inside module-level if/try blocks) by assignments. */
  public static Set<String> assignedSettingNames(FileInput fileInput) {
    Set<String> names = new HashSet<>();
    if (fileInput.statements() == null) {
      return names;
    }
    Trees.walk(fileInput.statements(), DjangoSettings::isModuleLevelBlock, t -> {
      if (t instanceof AssignmentStatement assignment) {
        for (ExpressionList lhs : assignment.lhsExpressions()) {
          for (Expression target : lhs.expressions()) {
            if (target instanceof Name name) {
              names.add(name.name());
            }
          }
        }
      } else if (t instanceof AnnotatedAssignment annotated && annotated.variable() instanceof Name name) {
        names.add(name.name());
      } else if (t instanceof CompoundAssignmentStatement compound && compound.lhsExpression() instanceof Name name) {
        names.add(name.name());
      }
    });
    return names;
  }

  /** Blocks whose statements still run at module level: if/else, try/except/finally. */
  public static boolean isModuleLevelBlock(Tree tree) {
    return tree.is(Tree.Kind.STATEMENT_LIST, Tree.Kind.IF_STMT, Tree.Kind.ELSE_CLAUSE, Tree.Kind.TRY_STMT, Tree.Kind.EXCEPT_CLAUSE,
      Tree.Kind.EXCEPT_GROUP_CLAUSE, Tree.Kind.FINALLY_CLAUSE, Tree.Kind.WITH_STMT);
  }

  private static boolean hasSettingsPath(PythonFile file) {
    for (String segment : nameSegments(file)) {
      for (String word : segment.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
        if ("settings".equals(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The file's stem, the name of the directory holding it, and, when it sits below a {@code settings}-like package,
   * the names of the directories from that package down ({@code settings/development/__init__.py}). Directories above
   * are not considered: a project checked out under {@code /home/dev/} is not development settings.
   */
  static List<String> nameSegments(PythonFile file) {
    String fileName = file.fileName();
    String stem = fileName.endsWith(".py") ? fileName.substring(0, fileName.length() - 3) : fileName;
    List<String> segments = new ArrayList<>();
    segments.add(stem);
    URI uri = file.uri();
    String path = uri == null ? null : uri.getPath();
    if (path != null) {
      String[] parts = path.split("/");
      if (parts.length >= 2) {
        segments.add(parts[parts.length - 2]);
      }
      // walk up from the file's directory to the nearest "settings"-like directory (at most 3 levels)
      for (int i = parts.length - 2, seen = 0; i >= 0 && seen < 3; i--, seen++) {
        String dir = parts[i];
        if (dir.toLowerCase(Locale.ROOT).contains("settings")) {
          for (int j = i; j < parts.length - 2; j++) {
            segments.add(parts[j]);
          }
          break;
        }
      }
    }
    return segments;
  }
}
