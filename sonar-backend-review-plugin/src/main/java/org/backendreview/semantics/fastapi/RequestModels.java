/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.ClassSummary;
import org.backendreview.semantics.project.ModuleSummary.FunctionSummary;
import org.backendreview.semantics.project.ModuleSummary.TypedMember;
import org.backendreview.semantics.project.SiblingFiles;
import org.backendreview.semantics.fastapi.FastApi.Param;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * The Pydantic models of the analysed module that carry request input, and why: a path operation of the module takes one
 * as its body, its name says so ({@code ItemCreate}, {@code ...Request}, {@code ...In}), a field of another request model
 * is typed with it ({@code items: list[Item]}, {@code Optional[Address]}; followed recursively, cycles guarded), or any of
 * this across the modules of the project.
 * <p>
 * <b>Across modules.</b> An issue must be raised on the analysed file, so a model defined here is a request model because
 * of facts of other files: a route that takes it as a body, or a request model whose field is typed with it. Those files
 * are found under the analysed file's top-level package (the highest directory with an {@code __init__.py} above it, or its
 * own directory), read through their {@link ModuleSummary module summaries} (annotated parameters of decorated top-level
 * functions, annotated attributes of classes) and only when they mention Pydantic or FastAPI. Names are resolved through
 * the imports of each module, relative imports and re-exports by a package's {@code __init__.py} included. Everything
 * degrades to "not a request model" (an editor buffer that is not a file, unreadable files, above {@value #MAX_FILES}
 * files).
 */
public final class RequestModels {

  static final int MAX_FILES = 3_000;
  private static final int MAX_DEPTH = 8;
  private static final int MAX_LEADS = 3;
  private static final Pattern REQUEST_MODEL_NAME = Pattern.compile(
    ".*(Create|Update|Request|In|Input|Command|Patch|Upsert|Submission|Prompt)$");
  private static final Set<String> ROUTE_METHODS = Set.of("get", "post", "put", "patch", "delete", "api_route", "options", "head");
  private static final Set<String> NOT_BODY = Set.of("Depends", "Security");
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules", "site-packages", "venv", "__pycache__", "build", "dist");
  private static final Pattern MENTIONS = Pattern.compile("pydantic|fastapi|BaseModel|sqlmodel");

  /**
   * Why a model is a request model: a route parameter or a field of an outer request model of this file ({@code tree}),
   * or of another file ({@code location}).
   */
  public record Lead(Tree tree, LocationInFile location, String message) {
  }

  private RequestModels() {
  }

  /** True for a model named like a request payload ({@code ItemCreate}, {@code LoginRequest}, {@code UserIn}). */
  public static boolean isRequestModelName(String name) {
    return REQUEST_MODEL_NAME.matcher(name).matches();
  }

  /**
   * The top-level Pydantic models (not settings) of the analysed module that are request models, each with the places
   * that make it one (at most a few; empty for a model known by its name only), in the order found.
   */
  public static Map<ClassDef, List<Lead>> of(SubscriptionContext ctx) {
    AnalysisContext file = AnalysisContext.of(ctx);
    Map<String, ClassDef> models = new LinkedHashMap<>();
    for (ClassDef classDef : file.classes()) {
      if (!isInFunction(classDef) && Pydantic.isModelClassDef(classDef) && !Pydantic.isSettingsClassDef(classDef)) {
        models.putIfAbsent(classDef.name().name(), classDef);
      }
    }
    Map<ClassDef, List<Lead>> result = new LinkedHashMap<>();
    if (models.isEmpty()) {
      return result;
    }
    for (FunctionDef function : file.functions()) {
      if (!isInFunction(function)) {
        FastApi.route(function).ifPresent(route -> {
          for (Param param : FastApi.params(route)) {
            if (param.kind() == FastApi.ParamKind.BODY && param.type() != null) {
              for (String name : localNames(param.type())) {
                ClassDef model = models.get(name);
                if (model != null) {
                  addLead(result, model, new Lead(param.parameter(), null, "The request body of this route"));
                }
              }
            }
          }
        });
      }
    }
    for (ClassDef model : models.values()) {
      if (isRequestModelName(model.name().name())) {
        result.computeIfAbsent(model, m -> new ArrayList<>());
      }
    }
    if (result.size() < models.size() || result.values().stream().anyMatch(List::isEmpty)) {
      fromOtherModules(ctx, models, result);
    }
    Deque<ClassDef> toVisit = new ArrayDeque<>(result.keySet());
    while (!toVisit.isEmpty()) {
      ClassDef outer = toVisit.poll();
      for (Pydantic.ModelField field : Pydantic.fields(outer)) {
        for (String name : localNames(field.annotation())) {
          ClassDef inner = models.get(name);
          if (inner != null && inner != outer) {
            boolean known = result.containsKey(inner);
            addLead(result, inner, new Lead(field.declaration(), null, "A field of request model " + outer.name().name()));
            if (!known) {
              toVisit.add(inner);
            }
          }
        }
      }
    }
    return result;
  }

  private static void addLead(Map<ClassDef, List<Lead>> result, ClassDef model, Lead lead) {
    List<Lead> leads = result.computeIfAbsent(model, m -> new ArrayList<>());
    if (leads.size() < MAX_LEADS) {
      leads.add(lead);
    }
  }

  /** Simple names in a type expression ({@code list[Item] | None}: list, Item, None); string forward references included. */
  private static List<String> localNames(Expression type) {
    List<String> names = new ArrayList<>();
    Trees.walk(type, t -> !t.is(Tree.Kind.QUALIFIED_EXPR, Tree.Kind.CALL_EXPR), t -> {
      if (t instanceof Name name) {
        names.add(name.name());
      } else if (t.is(Tree.Kind.STRING_LITERAL)) {
        org.backendreview.tree.Literals.stringValue((Expression) t).filter(v -> v.matches("[A-Za-z_]\\w*")).ifPresent(names::add);
      }
    });
    return names;
  }

  private static boolean isInFunction(Tree definition) {
    return Trees.firstAncestor(definition, Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA) != null;
  }

  // ---- across modules ----

  private record Module(String name, Path path, String fileId, ModuleSummary summary) {
  }

  private record Edge(String target, LocationInFile location, String message) {
  }

  private static void fromOtherModules(SubscriptionContext ctx, Map<String, ClassDef> models, Map<ClassDef, List<Lead>> result) {
    Optional<Path> directory = ModuleSources.directoryOf(ctx.pythonFile());
    if (directory.isEmpty()) {
      return;
    }
    Path current = Path.of(ctx.pythonFile().uri()).normalize();
    Path top = directory.get().normalize();
    boolean isPackage = Files.isRegularFile(top.resolve("__init__.py"));
    while (isPackage && top.getParent() != null && Files.isRegularFile(top.getParent().resolve("__init__.py"))) {
      top = top.getParent();
    }
    Path base = isPackage && top.getParent() != null ? top.getParent() : top;
    List<Module> modules = modules(ctx, top, base, current);
    String currentModule = moduleName(base, current);
    Map<String, String> aliases = new HashMap<>();
    for (Module module : modules) {
      module.summary().imports().forEach((local, target) -> aliases.putIfAbsent(module.name() + "." + local, absolute(target, module)));
    }
    Map<String, List<Edge>> edges = new HashMap<>();
    Map<String, List<Edge>> reached = new LinkedHashMap<>();
    Deque<String> toVisit = new ArrayDeque<>();
    for (Module module : modules) {
      boolean isCurrent = module.path().equals(current);
      for (FunctionSummary function : module.summary().functions().values()) {
        if (!isCurrent && isRoute(function)) {
          for (TypedMember parameter : module.summary().parameterTypes(function.name())) {
            if (!NOT_BODY.contains(simple(parameter.defaultCallee()))) {
              for (String type : parameter.typeNames()) {
                String target = qualify(type, module, aliases);
                reach(reached, toVisit, target, new Edge(target, parameter.range().toLocation(module.fileId()), "The request body of a route"));
              }
            }
          }
        }
      }
      for (ClassSummary classSummary : module.summary().classes().values()) {
        String outer = module.name() + "." + classSummary.name();
        if (!isCurrent && isRequestModelName(classSummary.name()) && !classSummary.bases().isEmpty()) {
          reach(reached, toVisit, outer, null);
        }
        for (TypedMember field : module.summary().fieldTypes(classSummary.name())) {
          for (String type : field.typeNames()) {
            String target = qualify(type, module, aliases);
            if (!target.equals(outer)) {
              edges.computeIfAbsent(outer, k -> new ArrayList<>()).add(new Edge(target, field.range().toLocation(module.fileId()),
                "A field of request model " + classSummary.name()));
            }
          }
        }
      }
    }
    while (!toVisit.isEmpty()) {
      String outer = toVisit.poll();
      for (Edge edge : edges.getOrDefault(outer, List.of())) {
        reach(reached, toVisit, edge.target(), edge);
      }
    }
    for (ClassDef model : models.values()) {
      List<Edge> leads = reached.get(currentModule + "." + model.name().name());
      if (leads != null && result.getOrDefault(model, List.of()).isEmpty()) {
        List<Lead> list = result.computeIfAbsent(model, m -> new ArrayList<>());
        for (Edge edge : leads) {
          // leads in this file are found again, with their trees, when the outer models of this file are followed
          if (edge != null && !ctx.pythonFile().key().equals(edge.location().fileId()) && list.size() < MAX_LEADS) {
            list.add(new Lead(null, edge.location(), edge.message()));
          }
        }
      }
    }
  }

  private static void reach(Map<String, List<Edge>> reached, Deque<String> toVisit, String target, Edge edge) {
    List<Edge> leads = reached.get(target);
    if (leads == null) {
      leads = new ArrayList<>();
      reached.put(target, leads);
      toVisit.add(target);
    }
    if (edge != null && leads.size() < MAX_LEADS) {
      leads.add(edge);
    }
  }

  private static boolean isRoute(FunctionSummary function) {
    return function.decorators().stream().map(ModuleSummary::decoratorText)
      .anyMatch(text -> text.contains(".") && ROUTE_METHODS.contains(simple(text)));
  }

  private static String simple(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }

  /** The absolute dotted name of a type name written in a module, through its classes, imports and re-exports. */
  private static String qualify(String type, Module module, Map<String, String> aliases) {
    String name;
    if (module.summary().classes().containsKey(type)) {
      name = module.name() + "." + type;
    } else {
      String resolved = module.summary().resolve(type);
      if (resolved.equals(type) && !type.contains(".")) {
        // a builtin, a name of this module that is not a class, or unknown
        return module.name() + "." + type;
      }
      name = absolute(resolved, module);
    }
    for (int i = 0; i < 5; i++) {
      String alias = aliases.get(name);
      if (alias == null || alias.equals(name)) {
        break;
      }
      name = alias;
    }
    return name;
  }

  /** An import target made absolute ({@code ..schemas.Item} from {@code app.api.items} gives {@code app.schemas.Item}). */
  private static String absolute(String target, Module module) {
    if (!target.startsWith(".")) {
      return target;
    }
    int dots = 0;
    while (dots < target.length() && target.charAt(dots) == '.') {
      dots++;
    }
    String packageName = module.path().getFileName().toString().equals("__init__.py") ? module.name()
      : module.name().contains(".") ? module.name().substring(0, module.name().lastIndexOf('.')) : "";
    for (int i = 1; i < dots && !packageName.isEmpty(); i++) {
      packageName = packageName.contains(".") ? packageName.substring(0, packageName.lastIndexOf('.')) : "";
    }
    String rest = target.substring(dots);
    return packageName.isEmpty() ? rest : rest.isEmpty() ? packageName : packageName + "." + rest;
  }

  private static String moduleName(Path base, Path file) {
    String relative = base.relativize(file).toString().replace('\\', '/');
    if (relative.endsWith(".py")) {
      relative = relative.substring(0, relative.length() - 3);
    }
    if (relative.endsWith("/__init__")) {
      relative = relative.substring(0, relative.length() - "/__init__".length());
    }
    return relative.replace('/', '.');
  }

  private static List<Module> modules(SubscriptionContext ctx, Path top, Path base, Path current) {
    List<Module> modules = new ArrayList<>();
    List<Path> directories;
    try (Stream<Path> walk = Files.walk(top, MAX_DEPTH)) {
      directories = walk.filter(Files::isDirectory)
        .filter(d -> d.equals(top) || !SKIPPED_DIRECTORIES.contains(d.getFileName().toString()) && !d.getFileName().toString().startsWith("."))
        .limit(MAX_FILES).toList();
    } catch (IOException | RuntimeException e) {
      return modules;
    }
    int files = 0;
    for (Path directory : directories) {
      if (!directory.equals(top) && !Files.isRegularFile(directory.resolve("__init__.py"))) {
        // not a package: its modules cannot be imported by their dotted names
        continue;
      }
      Set<String> fileNames = new java.util.TreeSet<>(SiblingFiles.facts(directory, "pydantic-or-fastapi", RequestModels::mentionsPydantic).keySet());
      if (Files.isRegularFile(directory.resolve("__init__.py"))) {
        // re-exports of the package
        fileNames.add("__init__.py");
      }
      for (String fileName : fileNames) {
        if (++files > MAX_FILES) {
          return modules;
        }
        Path path = directory.resolve(fileName).normalize();
        Optional<ModuleSummary> summary = path.equals(current) ? Optional.of(AnalysisContext.of(ctx).summary()) : ModuleSources.summaryOf(path);
        summary.ifPresent(s -> modules.add(new Module(moduleName(base, path), path, path.equals(current) ? ctx.pythonFile().key()
          : path.toUri().toString(), s)));
      }
    }
    return modules;
  }

  private static Boolean mentionsPydantic(String text) {
    return MENTIONS.matcher(text).find() ? Boolean.TRUE : null;
  }
}
