/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.semantics.project.AnalysisCache;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.Bool;
import org.backendreview.semantics.project.ModuleSummary.Op;
import org.backendreview.semantics.project.ModuleSummary.Range;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Step;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.SubscriptionContext;

/**
 * The project's Django settings: which modules are settings, which of them are deployed, and the effective value of
 * each setting in each deployed configuration.
 * <p>
 * <b>Settings modules</b> are the modules named by {@code DJANGO_SETTINGS_MODULE} (in {@code manage.py},
 * {@code wsgi.py}, {@code asgi.py}, {@code pyproject.toml}, {@code pytest.ini}, {@code setup.cfg}, {@code tox.ini}) and
 * the files {@link DjangoSettings} recognises ({@code settings.py}, {@code settings/} packages), found below the project
 * root ({@link DjangoProjectSettings#root}).
 * <p>
 * A settings module is <b>deployable</b> unless a directory (from the project root down) or its file name says
 * development, local, test, CI or example ({@link DjangoSettings#DEFAULT_NON_DEPLOYABLE}, a rule parameter). It is
 * <b>certainly deployed</b> when its name says production ({@code production}, {@code prod}, {@code staging},
 * {@code live}) or {@code wsgi.py}/{@code asgi.py} name it; any other deployable module whose effective {@code DEBUG} is
 * a literal {@code True} is a developer's or a demo's settings and is left out. A <b>configuration</b> is a deployable
 * module that no other deployable settings module star-imports (the leaf a server loads: {@code production.py} over
 * {@code base.py}; {@code settings.py} when it is the only one).
 * <p>
 * <b>Effective values</b> follow the module's statements in order: {@code from .base import *} (relative or absolute,
 * across files through their {@link ModuleSummary}), assignments, {@code +=}/{@code append}/{@code extend}/
 * {@code insert} on literal lists. A value assigned in an {@code if}/{@code try} block, changed in any other way, or
 * computed is {@link Unknown}; a star import that cannot be resolved, is conditional or circular, or
 * {@code globals().update(...)}, makes every setting unknown ({@link Config#open()}). A setting no statement binds is
 * absent: Django's default applies. Unknown stays silent in every rule.
 */
public final class DjangoSettingsModel {

  static final int MAX_CHAIN = 8;
  private static final long TTL_MILLIS = 120_000;
  private static final int MAX_LAUNCHER_BYTES = 200_000;
  private static final Pattern CERTAINLY_DEPLOYED = Pattern.compile("production|prod|staging|stage|live|deploy|deployment");
  private static final Pattern SETTINGS_REFERENCE = Pattern.compile(
    "DJANGO_SETTINGS_MODULE[\"']?\\s*[,:=]\\s*[\"']?([A-Za-z_][\\w.]*)");
  private static final List<String> LAUNCHERS = List.of("wsgi.py", "asgi.py");
  private static final List<String> OTHER_REFERRERS = List.of("manage.py", "pyproject.toml", "pytest.ini", "setup.cfg", "tox.ini");
  private static final AnalysisCache.ProjectCache<String, Project> CACHE = AnalysisCache.project(100);
  private static final AnalysisContext.Key<Optional<FileView>> VIEW = AnalysisContext.Key.of("django-settings-view");

  private DjangoSettingsModel() {
  }

  /** The value of a setting in a configuration. */
  public sealed interface Setting permits Known, Unknown {
  }

  /**
   * A setting whose value the module states.
   *
   * @param value the value (a literal, or a {@link ModuleSummary.Call}/{@link ModuleSummary.Dotted} a rule may not know)
   * @param file the module that assigned it last (null when it is the analysed file read without a path)
   * @param statement the range of the assignment in that module
   */
  public record Known(Value value, Path file, Range statement) implements Setting {
  }

  /** A setting whose value cannot be known statically. */
  public record Unknown() implements Setting {
  }

  public static final Unknown UNKNOWN = new Unknown();

  /**
   * The effective settings of one deployed configuration.
   *
   * @param file the leaf module
   * @param values the settings bound by the module and the modules it star-imports
   * @param open true when some statement may bind any name: absent settings are then unknown too
   * @param chain the modules read, the leaf first
   * @param certainlyDeployed named like production settings or named by {@code wsgi.py}/{@code asgi.py}
   */
  public record Config(Path file, Map<String, Setting> values, boolean open, List<Path> chain, boolean certainlyDeployed) {
    /** The setting's value; empty when it is absent (Django's default applies). */
    public Optional<Setting> setting(String name) {
      Setting setting = values.get(name);
      if (setting != null) {
        return Optional.of(setting);
      }
      return open ? Optional.of(UNKNOWN) : Optional.empty();
    }

    /** The setting's known value, or empty when absent or unknown. */
    public Optional<Known> known(String name) {
      return setting(name).filter(Known.class::isInstance).map(Known.class::cast);
    }

    /** True when no statement binds the setting and none may: Django's default applies. */
    public boolean isAbsent(String name) {
      return setting(name).isEmpty();
    }

    public String moduleName() {
      String name = file.getFileName().toString();
      return "__init__.py".equals(name) && file.getParent() != null ? file.getParent().getFileName() + "/__init__.py" : name;
    }
  }

  /**
   * What the model says about the analysed file.
   *
   * @param file its path
   * @param settingsModule it is a settings module
   * @param deployable it is a deployable settings module
   * @param configurations the deployed configurations that read this file (itself when it is one)
   */
  public record FileView(Path file, boolean settingsModule, boolean deployable, List<Config> configurations) {
    /** The configuration this file is the leaf of, if any: the place of "absent setting" issues. */
    public Optional<Config> ownConfiguration() {
      return configurations.stream().filter(c -> c.file().equals(file)).findFirst();
    }

    /** True when the known value was assigned in this file. */
    public boolean isHere(Known known) {
      return known.file() != null && known.file().equals(file);
    }
  }

  /** The model's view of the analysed file, computed once per file (empty when the file is not read from disk). */
  public static Optional<FileView> view(SubscriptionContext ctx, Pattern nonDeployable) {
    return AnalysisContext.of(ctx).fact(VIEW, c -> compute(ctx, nonDeployable));
  }

  private static Optional<FileView> compute(SubscriptionContext ctx, Pattern nonDeployable) {
    Optional<Path> directory = ModuleSources.directoryOf(ctx.pythonFile());
    if (directory.isEmpty()) {
      return Optional.empty();
    }
    Path file = directory.get().resolve(ctx.pythonFile().fileName()).normalize();
    AnalysisContext context = AnalysisContext.of(ctx);
    Optional<Path> root = DjangoProjectSettings.root(ctx.pythonFile());
    // the file's own summary only when needed: most modules are no settings module, which a cheaper test shows
    Reader reader = new Reader(ctx, file, context::summary);
    Project project = root.map(r -> project(r, nonDeployable, reader)).orElse(null);
    boolean settingsModule = DjangoSettings.maybeSettingsModule(context.file(), ctx.pythonFile())
      && DjangoSettings.isSettingsModule(context.summary(), ctx.pythonFile())
      || project != null && project.settings().contains(file);
    if (!settingsModule) {
      return Optional.of(new FileView(file, false, false, List.of()));
    }
    boolean deployable = isDeployableName(root.orElse(directory.get()), file, nonDeployable);
    List<Config> configurations = new ArrayList<>();
    if (project != null) {
      for (Path leaf : project.leaves()) {
        Config config = evaluate(leaf, reader, project.certain().contains(leaf), root.get());
        if (config.chain().contains(file) && (config.certainlyDeployed() || !debugOn(config))) {
          configurations.add(config);
        }
      }
    }
    if (project == null || !project.settings().contains(file) && deployable) {
      Config config = evaluate(file, reader, false, root.orElse(directory.get()));
      if (!debugOn(config)) {
        configurations.add(config);
      }
    }
    // the file's own configuration first: messages name it when the value is written here
    configurations.sort(java.util.Comparator.comparing(c -> !c.file().equals(file)));
    return Optional.of(new FileView(file, true, deployable, List.copyOf(configurations)));
  }

  private static boolean debugOn(Config config) {
    return config.known("DEBUG").filter(k -> k.value() instanceof Bool b && b.value()).isPresent();
  }

  /** The settings modules of a project and the leaves among the deployable ones. */
  record Project(Set<Path> settings, List<Path> leaves, Set<Path> certain, long computedAt) {
  }

  private static Project project(Path root, Pattern nonDeployable, Reader reader) {
    long now = System.currentTimeMillis();
    return CACHE.get(root + "|" + nonDeployable.pattern(), cached -> now - cached.computedAt() < TTL_MILLIS,
      key -> computeProject(root, nonDeployable, reader, now));
  }

  private static Project computeProject(Path root, Pattern nonDeployable, Reader reader, long now) {
    Set<Path> settings = new LinkedHashSet<>();
    Set<Path> launched = new HashSet<>();
    for (Path candidate : DjangoProjectSettings.candidates(root)) {
      String name = candidate.getFileName().toString();
      if (LAUNCHERS.contains(name) || "manage.py".equals(name)) {
        for (String module : references(candidate)) {
          resolveAbsolute(module, candidate.getParent(), root).ifPresent(p -> {
            settings.add(p);
            if (LAUNCHERS.contains(name)) {
              launched.add(p);
            }
          });
        }
      } else if (reader.read(candidate).filter(s -> DjangoSettings.isSettingsModule(s, candidate.getFileName().toString(),
        candidate.getParent() == null ? "" : String.valueOf(candidate.getParent().getFileName()))).isPresent()) {
        settings.add(candidate);
      }
    }
    for (String referrer : OTHER_REFERRERS) {
      Path file = root.resolve(referrer);
      for (String module : references(file)) {
        resolveAbsolute(module, root, root).ifPresent(settings::add);
      }
    }
    Set<Path> deployable = new LinkedHashSet<>();
    Set<Path> certain = new HashSet<>();
    for (Path module : settings) {
      if (isDeployableName(root, module, nonDeployable)) {
        deployable.add(module);
        if (launched.contains(module) || namedForProduction(module)) {
          certain.add(module);
        }
      }
    }
    Set<Path> imported = new HashSet<>();
    for (Path module : deployable) {
      reader.read(module).ifPresent(summary -> summary.steps().stream().filter(s -> s.op() == Op.STAR_IMPORT)
        .forEach(s -> resolve(s.target(), module, root).ifPresent(imported::add)));
    }
    List<Path> leaves = deployable.stream().filter(m -> !imported.contains(m) || certain.contains(m)).toList();
    return new Project(Set.copyOf(settings), leaves, Set.copyOf(certain), now);
  }

  private static boolean namedForProduction(Path module) {
    for (int i = Math.max(0, module.getNameCount() - 2); i < module.getNameCount(); i++) {
      String segment = module.getName(i).toString().toLowerCase(Locale.ROOT).replaceFirst("\\.py$", "");
      for (String word : segment.split("[^a-z0-9]+")) {
        if (CERTAINLY_DEPLOYED.matcher(word).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True unless a directory between the project root and the file, or the file's name, holds a non-deployable word
   * ({@code example_project/settings.py}, {@code settings/dev.py}, {@code test_settings.py}).
   */
  static boolean isDeployableName(Path root, Path file, Pattern nonDeployable) {
    Path relative = file.startsWith(root) ? root.relativize(file) : file.getFileName();
    List<String> segments = new ArrayList<>();
    // directories from the project root down; the root's own name is the checkout's or the fixture's, not a role
    relative.forEach(p -> segments.add(p.toString()));
    if (file.getParent() != null && file.getParent().getFileName() != null) {
      segments.add(file.getParent().getFileName().toString());
    }
    for (String raw : segments) {
      String segment = raw.toLowerCase(Locale.ROOT).replaceFirst("\\.py$", "");
      for (String word : segment.split("[^a-z0-9]+")) {
        if (!word.isEmpty() && nonDeployable.matcher(word).matches()) {
          return false;
        }
      }
      if (nonDeployable.matcher(segment.replace("settings", "")).matches()) {
        return false;
      }
    }
    return true;
  }

  /** The dotted modules a file names in {@code DJANGO_SETTINGS_MODULE}. */
  static List<String> references(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_LAUNCHER_BYTES) {
        return List.of();
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<String> modules = new ArrayList<>();
      Matcher matcher = SETTINGS_REFERENCE.matcher(text);
      while (matcher.find()) {
        modules.add(matcher.group(1));
      }
      return modules;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /** The file of a star-imported module, relative ({@code .base}) or absolute ({@code mysite.settings.base}). */
  static Optional<Path> resolve(String module, Path importer, Path root) {
    if (module.startsWith(".")) {
      int dots = 0;
      while (dots < module.length() && module.charAt(dots) == '.') {
        dots++;
      }
      Path dir = importer.getParent();
      for (int i = 1; i < dots && dir != null; i++) {
        dir = dir.getParent();
      }
      return dir == null ? Optional.empty() : moduleFile(dir, module.substring(dots));
    }
    return resolveAbsolute(module, importer.getParent(), root);
  }

  private static Optional<Path> resolveAbsolute(String module, Path from, Path root) {
    Path top = root.getParent() == null ? root : root.getParent();
    for (Path dir = from; dir != null && dir.startsWith(top); dir = dir.getParent()) {
      Optional<Path> file = moduleFile(dir, module);
      if (file.isPresent()) {
        return file;
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> moduleFile(Path dir, String dotted) {
    if (dotted.isEmpty()) {
      Path init = dir.resolve("__init__.py");
      return Files.isRegularFile(init) ? Optional.of(init.normalize()) : Optional.empty();
    }
    Path base = dir;
    for (String part : dotted.split("\\.")) {
      if (part.isEmpty()) {
        return Optional.empty();
      }
      base = base.resolve(part);
    }
    Path file = base.resolveSibling(base.getFileName() + ".py");
    if (Files.isRegularFile(file)) {
      return Optional.of(file.normalize());
    }
    Path init = base.resolve("__init__.py");
    return Files.isRegularFile(init) ? Optional.of(init.normalize()) : Optional.empty();
  }

  /** Reads module summaries: the analysed file from its tree, the others from disk. */
  private record Reader(SubscriptionContext ctx, Path current, Supplier<ModuleSummary> own) {
    Optional<ModuleSummary> read(Path path) {
      if (path.equals(current)) {
        return Optional.of(own.get());
      }
      return ModuleSources.summaryAt(new LocationInFile(path.toUri().toString(), 1, 0, 1, 0), ctx);
    }
  }

  private static Config evaluate(Path leaf, Reader reader, boolean certain, Path root) {
    Map<String, Setting> values = new LinkedHashMap<>();
    List<Path> chain = new ArrayList<>();
    boolean open = evaluate(leaf, reader, values, chain, new HashSet<>(), root);
    return new Config(leaf, Map.copyOf(values), open, List.copyOf(chain), certain);
  }

  /** Applies the module's steps to {@code values}; returns true when the result is open. */
  private static boolean evaluate(Path module, Reader reader, Map<String, Setting> values, List<Path> chain, Set<Path> visiting, Path fsRoot) {
    Optional<ModuleSummary> summary = reader.read(module);
    if (summary.isEmpty() || visiting.size() >= MAX_CHAIN || !visiting.add(module)) {
      return true;
    }
    chain.add(module);
    boolean open = false;
    for (Step step : summary.get().steps()) {
      switch (step.op()) {
        case STAR_IMPORT -> {
          Optional<Path> imported = resolve(step.target(), module, fsRoot);
          boolean thisOpen;
          if (imported.isEmpty() || step.conditional()) {
            thisOpen = true;
            imported.ifPresent(p -> evaluate(p, reader, new HashMap<>(), chain, visiting, fsRoot));
          } else {
            thisOpen = evaluate(imported.get(), reader, values, chain, visiting, fsRoot);
          }
          if (thisOpen) {
            values.replaceAll((k, v) -> UNKNOWN);
            open = true;
          }
        }
        case ASSIGN -> values.put(step.target(), step.conditional() ? UNKNOWN : new Known(step.value(), module, step.range()));
        case EXTEND, APPEND, INSERT -> values.computeIfPresent(step.target(), (k, v) -> added(v, step, module));
        case MUTATE -> {
          if (ModuleSummary.ANY_NAME.equals(step.target())) {
            values.replaceAll((k, v) -> UNKNOWN);
            open = true;
          } else if (values.containsKey(step.target())) {
            values.put(step.target(), UNKNOWN);
          }
        }
      }
    }
    visiting.remove(module);
    return open;
  }

  private static Setting added(Setting current, Step step, Path module) {
    if (step.conditional() || !(current instanceof Known known) || !(known.value() instanceof Seq seq)) {
      return UNKNOWN;
    }
    List<Value> elements = new ArrayList<>(seq.elements());
    switch (step.op()) {
      case EXTEND -> elements.addAll(((Seq) step.value()).elements());
      case APPEND -> elements.add(step.value());
      default -> {
        if (step.index() < 0) {
          return UNKNOWN;
        }
        elements.add(Math.min(step.index(), elements.size()), step.value());
      }
    }
    // the list now is what the last change made it: reported there
    return new Known(new Seq(List.copyOf(elements), seq.range()), module, step.range());
  }

  /**
   * Whether the configuration's {@code INSTALLED_APPS} holds the app (its module, or an {@code AppConfig} below it):
   * empty when the list is absent, unknown or holds an entry that is not a string literal and the app is not listed.
   */
  public static Optional<Boolean> installsApp(Config config, String app) {
    Optional<Known> apps = config.known("INSTALLED_APPS");
    if (apps.isEmpty() || !(apps.get().value() instanceof Seq seq)) {
      return Optional.empty();
    }
    boolean literal = true;
    for (Value entry : seq.elements()) {
      if (entry instanceof ModuleSummary.Str s) {
        if (s.value().equals(app) || s.value().startsWith(app + ".apps.")) {
          return Optional.of(true);
        }
      } else {
        literal = false;
      }
    }
    return literal ? Optional.of(false) : Optional.empty();
  }
}
