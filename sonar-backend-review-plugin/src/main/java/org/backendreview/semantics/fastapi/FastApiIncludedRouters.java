/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.http.HttpLibraries;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary.Assigned;
import org.backendreview.semantics.project.ModuleSummary.FunctionSummary;
import org.backendreview.semantics.project.ModuleSummary.Raised;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AliasedName;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ImportFrom;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.FunctionType;
import org.sonar.plugins.python.api.types.v2.ModuleType;
import org.sonar.plugins.python.api.types.v2.PythonType;
import org.sonar.plugins.python.api.types.v2.TypeWrapper;

/**
 * The routes of an {@code APIRouter} defined in another module of the project and included into an application with
 * {@code app.include_router(routes.router)} or {@code from routes import router; app.include_router(router)}, read on
 * the public API only: the frontend gives the router's module as a {@code ModuleType}; a function or class that module defines gives the module's file ({@code definitionLocation}),
 * which {@link ModuleSources} parses into a {@link ModuleSummary}; the router is a single module-level
 * {@code APIRouter()} assignment there (no {@code route_class}, which may wrap every route, and no {@code **kwargs}); its
 * routes are the module's top-level functions decorated with {@code @router.<verb>(...)}/{@code @router.api_route(...)}
 * and nothing else (another decorator may catch what the route raises), and their raises outside {@code try}; a raised
 * name is resolved to a class the router's module defines, or through the module's imports to a class of a module the
 * frontend knows while analysing the application's module (the types of modules that module imports, directly or not:
 * an application module usually imports the exceptions it handles).
 * Anything unknown (a router reached otherwise, e.g. through a variable or a re-export; no readable file; a router
 * assigned twice; an exception class that does not resolve) gives no result, so callers stay silent.
 */
public final class FastApiIncludedRouters {

  /** A raise in a route of an included router: the class, its text in the router module, and where it is. */
  public record RouteRaise(ClassType exception, String text, String route, LocationInFile location) {
  }

  private static final Set<String> ROUTER_CLASSES = Set.of("fastapi.APIRouter", "fastapi.routing.APIRouter");
  private static final Set<String> ROUTE_METHODS = HttpLibraries.with(HttpLibraries.ROUTE_VERBS, "api_route");

  private FastApiIncludedRouters() {
  }

  /** For {@code app.include_router(module.router, ...)}: the raises of the router's routes; empty when unknown. */
  public static Optional<List<RouteRaise>> raises(CallExpression includeRouter, SubscriptionContext ctx) {
    Optional<Expression> argument = Arguments.value(includeRouter, 0, "router").map(Trees::skipParentheses);
    ModuleType module;
    String routerName;
    if (argument.isPresent() && argument.get() instanceof QualifiedExpression router
      && Trees.skipParentheses(router.qualifier()).typeV2() instanceof ModuleType qualifier) {
      module = qualifier;
      routerName = router.name().name();
    } else if (argument.isPresent() && argument.get() instanceof Name name && importedFrom(name) instanceof AliasedName imported
      && imported.dottedName().names().size() == 1 && Trees.firstAncestor(imported, Tree.Kind.IMPORT_FROM) instanceof ImportFrom from
      && from.module() != null && from.module().names().get(from.module().names().size() - 1).typeV2() instanceof ModuleType source) {
      module = source;
      routerName = imported.dottedName().names().get(0).name();
    } else {
      return Optional.empty();
    }
    Optional<LocationInFile> anyDefinition = definitionInModule(module);
    Optional<ModuleSummary> summary = anyDefinition.flatMap(location -> ModuleSources.summaryAt(location, ctx));
    if (summary.isEmpty()) {
      return Optional.empty();
    }
    if (!isPlainRouter(summary.get(), routerName)) {
      return Optional.empty();
    }
    List<RouteRaise> result = new ArrayList<>();
    for (FunctionSummary function : summary.get().functions().values()) {
      if (!isRouteOf(function, routerName)) {
        continue;
      }
      for (Raised raised : summary.get().raisesOf(function.name())) {
        Optional<ClassType> exception = resolve(module, summary.get(), raised.exception());
        if (exception.isEmpty()) {
          return Optional.empty();
        }
        result.add(new RouteRaise(exception.get(), raised.exception(), function.name(), raised.range().toLocation(summary.get().fileId())));
      }
    }
    return Optional.of(result);
  }

  /** The {@code from m import name [as alias]} that binds the name, when that is its only binding. */
  private static AliasedName importedFrom(Name name) {
    if (name.symbolV2() == null) {
      return null;
    }
    Optional<UsageV2> binding = name.symbolV2().getSingleBindingUsage();
    if (binding.isEmpty() || binding.get().kind() != UsageV2.Kind.IMPORT) {
      return null;
    }
    return Trees.firstAncestor(binding.get().tree(), Tree.Kind.ALIASED_NAME) instanceof AliasedName aliased ? aliased : null;
  }

  /** The location of a function or class the module itself defines (its FQN is under the module's). */
  private static Optional<LocationInFile> definitionInModule(ModuleType module) {
    String prefix = module.fullyQualifiedName() + ".";
    for (Map.Entry<String, TypeWrapper> member : module.members().entrySet()) {
      PythonType type = member.getValue().type();
      String fqn = type instanceof FunctionType function ? function.fullyQualifiedName()
        : type instanceof ClassType classType ? classType.fullyQualifiedName() : null;
      if (fqn != null && fqn.equals(prefix + member.getKey()) && type.definitionLocation().isPresent()) {
        return type.definitionLocation();
      }
    }
    return Optional.empty();
  }

  private static boolean isPlainRouter(ModuleSummary summary, String name) {
    List<Assigned> assignments = summary.assignmentsOf(name);
    if (assignments.size() != 1 || !(assignments.get(0).value() instanceof ModuleSummary.Call call)) {
      return false;
    }
    return ROUTER_CLASSES.contains(summary.resolve(call.callee())) && !call.unpacking() && !call.kwargs().containsKey("route_class");
  }

  /** Decorated as a route of the router, and by nothing else (another decorator may catch what the route raises). */
  private static boolean isRouteOf(FunctionSummary function, String router) {
    if (function.decorators().size() != 1) {
      return false;
    }
    for (Value decorator : function.decorators()) {
      if (decorator instanceof ModuleSummary.Call call && call.callee().startsWith(router + ".")
        && ROUTE_METHODS.contains(call.callee().substring(router.length() + 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class a raised name stands for in the router's module: a class the module defines, or one it imports
   * ({@code from app.errors import X}, {@code from . import errors} then {@code errors.X}), found from the root module
   * through the frontend's module types.
   */
  private static Optional<ClassType> resolve(ModuleType module, ModuleSummary summary, String dotted) {
    String head = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
    if (!summary.imports().containsKey(head)) {
      return walk(module, dotted);
    }
    String resolved = summary.resolve(dotted);
    int dots = 0;
    while (dots < resolved.length() && resolved.charAt(dots) == '.') {
      dots++;
    }
    if (dots > 0) {
      List<String> parts = new ArrayList<>(List.of(module.fullyQualifiedName().split("\\.")));
      if (dots > parts.size()) {
        return Optional.empty();
      }
      String rest = resolved.substring(dots);
      List<String> base = parts.subList(0, parts.size() - dots);
      resolved = String.join(".", base) + (base.isEmpty() || rest.isEmpty() ? "" : ".") + rest;
    }
    ModuleType root = module;
    while (root.parent() != null) {
      root = root.parent();
    }
    return walk(root, resolved);
  }

  private static Optional<ClassType> walk(PythonType from, String dotted) {
    PythonType current = from;
    for (String part : dotted.split("\\.")) {
      Optional<PythonType> next = current instanceof ModuleType module ? module.resolveSubmodule(part).or(() -> module.resolveMember(part))
        : current.resolveMember(part);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return current instanceof ClassType classType && classType.definitionLocation().isPresent() ? Optional.of(classType) : Optional.empty();
  }
}
