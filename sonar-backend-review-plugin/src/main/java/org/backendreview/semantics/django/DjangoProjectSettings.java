/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.backendreview.semantics.project.AnalysisCache;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.Assigned;
import org.backendreview.semantics.project.ModuleSummary.Bool;
import org.backendreview.semantics.project.ModuleSummary.Dict;
import org.backendreview.semantics.project.ModuleSummary.NoneValue;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.plugins.python.api.PythonFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.TriBool;

/**
 * Project-wide Django settings facts that rules about other modules need: {@code ATOMIC_REQUESTS}, DRF's
 * {@code DEFAULT_PAGINATION_CLASS} and whether the database is PostgreSQL ({@code DATABASES} {@code ENGINE}).
 * <p>
 * The settings modules are found on disk, once per project root and analysis: the root is the nearest directory above
 * the analysed file that holds {@code manage.py}, else the directory above its top-level package. Below it (at most
 * {@value #MAX_DEPTH} levels, skipping virtual environments, hidden and build directories, at most
 * {@value #MAX_ENTRIES} entries), files named like settings modules that assign well-known Django settings are read
 * with {@link ModuleSources}. Development and test settings (see {@link DjangoSettings#DEFAULT_NON_DEPLOYABLE}) are
 * ignored.
 * <p>
 * Each fact is a {@link TriBool}: {@code TRUE}/{@code FALSE} only when the deployable settings modules state it with
 * literals; settings built dynamically (mutated dictionaries, values computed by calls, star imports of modules that
 * were not found) or not found give {@code UNKNOWN}.
 */
public final class DjangoProjectSettings {

  static final int MAX_DEPTH = 6;
  static final int MAX_ENTRIES = 20_000;
  private static final long TTL_MILLIS = 120_000;
  private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "venv", "env", "site-packages", "__pycache__", "build", "dist",
    "migrations", "static", "media", "templates", "locale", "docs", "htmlcov");
  private static final Set<String> KNOWN_SETTINGS = Set.of("INSTALLED_APPS", "DATABASES", "MIDDLEWARE", "MIDDLEWARE_CLASSES", "ROOT_URLCONF",
    "SECRET_KEY", "REST_FRAMEWORK", "ALLOWED_HOSTS", "TEMPLATES", "WSGI_APPLICATION");
  /** The apps that lock out repeated failed logins: django-axes, django-defender. */
  private static final Set<String> BRUTE_FORCE_APPS = Set.of("axes", "defender");
  private static final Set<String> BRUTE_FORCE_SETTINGS = Set.of("INSTALLED_APPS", "MIDDLEWARE", "MIDDLEWARE_CLASSES", "AUTHENTICATION_BACKENDS");
  private static final Pattern NON_DEPLOYABLE = DjangoSettings.wordsPattern(DjangoSettings.DEFAULT_NON_DEPLOYABLE);
  private static final String ALLOW_ANY = "rest_framework.permissions.AllowAny";
  private static final AnalysisCache.ProjectCache<Path, Facts> CACHE = AnalysisCache.project(100);

  private DjangoProjectSettings() {
  }

  /** The facts of the project the analysed file belongs to. */
  public static Facts of(SubscriptionContext ctx) {
    Optional<Path> root = root(ctx.pythonFile());
    if (root.isEmpty()) {
      return Facts.UNKNOWN;
    }
    long now = System.currentTimeMillis();
    return CACHE.get(root.get(), cached -> now - cached.computedAt() < TTL_MILLIS, r -> compute(r, ctx, now));
  }

  /**
   * Facts about the deployable settings.
   *
   * @param settingsFiles how many deployable settings modules were read
   * @param postgresql whether a database of {@code DATABASES} is PostgreSQL (PostGIS included); FALSE only when every
   *   engine is a literal naming another backend
   * @param defaultPermissionAllowsAny whether DRF's {@code DEFAULT_PERMISSION_CLASSES} let anyone in: TRUE when every
   *   {@code REST_FRAMEWORK} leaves it out (DRF's default is {@code AllowAny}) or lists only {@code AllowAny}, FALSE when one
   *   lists another class
   */
  public record Facts(TriBool atomicRequests, TriBool defaultPagination, int settingsFiles, long computedAt, TriBool postgresql,
    TriBool defaultPermissionAllowsAny, Throttling throttling) {
    static final Facts UNKNOWN = new Facts(TriBool.UNKNOWN, TriBool.UNKNOWN, 0, 0, TriBool.UNKNOWN, TriBool.UNKNOWN, Throttling.UNKNOWN);
  }

  /**
   * How the project limits authentication attempts.
   *
   * @param drfDefaultThrottle DRF's {@code DEFAULT_THROTTLE_CLASSES} in {@code REST_FRAMEWORK}: TRUE when a deployable
   *   settings module sets it to a non-empty value, FALSE when the settings are literal and do not
   * @param bruteForceApp TRUE when django-axes or django-defender is in {@code INSTALLED_APPS}, {@code MIDDLEWARE} or
   *   {@code AUTHENTICATION_BACKENDS} (they count failed {@code authenticate()} calls and lock the account or address)
   */
  public record Throttling(TriBool drfDefaultThrottle, TriBool bruteForceApp) {
    static final Throttling UNKNOWN = new Throttling(TriBool.UNKNOWN, TriBool.UNKNOWN);
  }

  static Optional<Path> root(PythonFile file) {
    Optional<Path> directory = ModuleSources.directoryOf(file);
    if (directory.isEmpty()) {
      return Optional.empty();
    }
    Path dir = directory.get();
    Path packageRoot = null;
    for (Path current = dir; current != null && dir.getNameCount() - current.getNameCount() < 8; current = current.getParent()) {
      if (Files.isRegularFile(current.resolve("manage.py"))) {
        return Optional.of(current);
      }
      if (packageRoot == null && !Files.isRegularFile(current.resolve("__init__.py"))) {
        packageRoot = current;
      }
    }
    return Optional.ofNullable(packageRoot);
  }

  private static Facts compute(Path root, SubscriptionContext ctx, long now) {
    List<ModuleSummary> settings = new ArrayList<>();
    Set<String> moduleNames = new HashSet<>();
    for (Path candidate : candidates(root)) {
      String stem = candidate.getFileName().toString().replaceFirst("\\.py$", "");
      moduleNames.add(stem);
      if (!isDeployable(root.relativize(candidate))) {
        continue;
      }
      ModuleSources.summaryAt(new org.sonar.plugins.python.api.LocationInFile(candidate.toUri().toString(), 1, 0, 1, 0), ctx)
        .filter(s -> s.assignments().keySet().stream().anyMatch(KNOWN_SETTINGS::contains))
        .ifPresent(settings::add);
    }
    if (settings.isEmpty()) {
      return new Facts(TriBool.UNKNOWN, TriBool.UNKNOWN, 0, now, TriBool.UNKNOWN, TriBool.UNKNOWN, Throttling.UNKNOWN);
    }
    boolean unresolvedImports = settings.stream().flatMap(s -> s.wildcardImports().stream())
      .anyMatch(module -> !moduleNames.contains(module.substring(module.lastIndexOf('.') + 1)));
    return new Facts(atomicRequests(settings, unresolvedImports), pagination(settings, unresolvedImports), settings.size(), now,
      postgresql(settings, unresolvedImports), defaultPermissionAllowsAny(settings, unresolvedImports),
      new Throttling(defaultThrottle(settings, unresolvedImports), bruteForceApp(settings, unresolvedImports)));
  }

  private static TriBool defaultPermissionAllowsAny(List<ModuleSummary> settings, boolean unresolvedImports) {
    // DRF's default is AllowAny: it lets anyone in unless a REST_FRAMEWORK dict sets another permission (or a value
    // that cannot be read as a list of AllowAny)
    TriBool restricted = restFrameworkSets(settings, unresolvedImports, "DEFAULT_PERMISSION_CLASSES",
      value -> !(value instanceof ModuleSummary.Seq classes
        && classes.elements().stream().allMatch(c -> c instanceof ModuleSummary.Str s && ALLOW_ANY.equals(s.value()))));
    if (restricted == TriBool.UNKNOWN) {
      return TriBool.UNKNOWN;
    }
    return restricted == TriBool.TRUE ? TriBool.FALSE : TriBool.TRUE;
  }

  private static TriBool defaultThrottle(List<ModuleSummary> settings, boolean unresolvedImports) {
    return restFrameworkSets(settings, unresolvedImports, "DEFAULT_THROTTLE_CLASSES",
      value -> !(value instanceof NoneValue) && !(value instanceof ModuleSummary.Seq seq && seq.elements().isEmpty()));
  }

  /** django-axes or django-defender named in the apps, middleware or authentication backends. */
  private static TriBool bruteForceApp(List<ModuleSummary> settings, boolean unresolvedImports) {
    boolean unknown = unresolvedImports;
    for (ModuleSummary module : settings) {
      for (ModuleSummary.Step step : module.steps()) {
        if (BRUTE_FORCE_SETTINGS.contains(step.target()) && step.value() != null && namesBruteForceApp(step.value())) {
          return TriBool.TRUE;
        }
      }
      for (String setting : BRUTE_FORCE_SETTINGS) {
        for (Assigned assigned : module.assignmentsOf(setting)) {
          if (namesBruteForceApp(assigned.value())) {
            return TriBool.TRUE;
          }
          unknown |= !(assigned.value() instanceof ModuleSummary.Seq);
        }
        unknown |= module.mutatedNames().contains(setting);
      }
    }
    return unknown ? TriBool.UNKNOWN : TriBool.FALSE;
  }

  private static boolean namesBruteForceApp(Value value) {
    if (value instanceof ModuleSummary.Str s) {
      return BRUTE_FORCE_APPS.stream().anyMatch(app -> s.value().equals(app) || s.value().startsWith(app + "."));
    }
    return value instanceof ModuleSummary.Seq seq && seq.elements().stream().anyMatch(DjangoProjectSettings::namesBruteForceApp);
  }

  private static TriBool postgresql(List<ModuleSummary> settings, boolean unresolvedImports) {
    return anyDatabase(settings, unresolvedImports, database -> {
      Value engine = database instanceof Dict config && config.complete() ? config.entries().get("ENGINE") : null;
      if (!(engine instanceof ModuleSummary.Str name)) {
        return TriBool.UNKNOWN;
      }
      return DjangoApi.POSTGRESQL_ENGINES.stream().anyMatch(name.value()::startsWith) ? TriBool.TRUE : TriBool.FALSE;
    });
  }

  private static TriBool atomicRequests(List<ModuleSummary> settings, boolean unresolvedImports) {
    return anyDatabase(settings, unresolvedImports, DjangoProjectSettings::atomicRequests);
  }

  /** TRUE when the fact holds for a database of {@code DATABASES}, FALSE when it is FALSE for all of them, else UNKNOWN. */
  private static TriBool anyDatabase(List<ModuleSummary> settings, boolean unresolvedImports, java.util.function.Function<Value, TriBool> fact) {
    boolean literalSeen = false;
    boolean unknown = unresolvedImports;
    for (ModuleSummary module : settings) {
      unknown |= module.mutatedNames().contains("DATABASES");
      for (Assigned databases : module.assignmentsOf("DATABASES")) {
        if (!(databases.value() instanceof Dict dict) || !dict.complete()) {
          unknown = true;
          continue;
        }
        for (Value database : dict.entries().values()) {
          TriBool value = fact.apply(database);
          if (value == TriBool.TRUE) {
            return TriBool.TRUE;
          }
          unknown |= value == TriBool.UNKNOWN;
          literalSeen = true;
        }
      }
    }
    return literalSeen && !unknown ? TriBool.FALSE : TriBool.UNKNOWN;
  }

  private static TriBool atomicRequests(Value database) {
    if (!(database instanceof Dict config) || !config.complete()) {
      return TriBool.UNKNOWN;
    }
    Value atomic = config.entries().get("ATOMIC_REQUESTS");
    if (atomic == null) {
      return TriBool.FALSE;
    }
    return atomic instanceof Bool b ? (b.value() ? TriBool.TRUE : TriBool.FALSE) : TriBool.UNKNOWN;
  }

  private static TriBool pagination(List<ModuleSummary> settings, boolean unresolvedImports) {
    return restFrameworkSets(settings, unresolvedImports, "DEFAULT_PAGINATION_CLASS", value -> !(value instanceof NoneValue));
  }

  /** TRUE when a {@code REST_FRAMEWORK} dict sets the key to an accepted value, FALSE when the literal dicts do not. */
  private static TriBool restFrameworkSets(List<ModuleSummary> settings, boolean unresolvedImports, String key,
    java.util.function.Predicate<Value> accepted) {
    boolean unknown = unresolvedImports;
    for (ModuleSummary module : settings) {
      unknown |= module.mutatedNames().contains("REST_FRAMEWORK");
      for (Assigned restFramework : module.assignmentsOf("REST_FRAMEWORK")) {
        if (!(restFramework.value() instanceof Dict dict)) {
          unknown = true;
          continue;
        }
        Value value = dict.entries().get(key);
        if (value != null && accepted.test(value)) {
          return TriBool.TRUE;
        }
        unknown |= !dict.complete();
      }
    }
    return unknown ? TriBool.UNKNOWN : TriBool.FALSE;
  }

  private static boolean isDeployable(Path relative) {
    for (Path part : relative) {
      String segment = part.toString().toLowerCase(Locale.ROOT).replaceFirst("\\.py$", "");
      for (String word : segment.split("[^a-z0-9]+")) {
        if (!word.isEmpty() && NON_DEPLOYABLE.matcher(word).matches()) {
          return false;
        }
      }
      if (NON_DEPLOYABLE.matcher(segment.replace("settings", "")).matches()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Files that may be settings modules: {@code *settings*.py}, or any module in a {@code *settings*} package; and the
   * files that name one in {@code DJANGO_SETTINGS_MODULE} ({@code manage.py}, {@code wsgi.py}, {@code asgi.py}).
   */
  static List<Path> candidates(Path root) {
    List<Path> result = new ArrayList<>();
    int[] entries = {0};
    try {
      Files.walkFileTree(root, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          if (!dir.equals(root) && (name.startsWith(".") || SKIPPED_DIRS.contains(name))) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return ++entries[0] > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          Path parent = file.getParent();
          boolean inSettingsPackage = parent != null && parent.getFileName() != null && parent.getFileName().toString().contains("settings");
          boolean launcher = "manage.py".equals(name) || "wsgi.py".equals(name) || "asgi.py".equals(name);
          if (name.endsWith(".py") && (name.contains("settings") || inSettingsPackage || launcher) && attrs.isRegularFile()) {
            result.add(file);
          }
          return ++entries[0] > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    result.sort(null);
    return result;
  }
}
