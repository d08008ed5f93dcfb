/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backendreview.semantics.project.ModuleSummary.ClassSummary;
import org.backendreview.semantics.project.ModuleSummary.FunctionSummary;
import org.backendreview.semantics.project.ModuleSummary.MethodSummary;
import org.backendreview.semantics.project.ModuleSummary.Returned;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.FunctionType;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * Calls of the project's own functions and methods, read from the summary of the module that defines them
 * ({@link ModuleSummary#returnsOf}, {@link ModuleSummary#attributesSetInInit}), so that a fact about what a helper returns
 * crosses modules: {@code query_value("dir")} of another module returning {@code request.args.get(key)},
 * {@code params.text("dir")} on {@code params = RequestParams(request)} (or on the instance a factory of that module
 * returns) whose {@code __init__} keeps the request, {@code db()} returning {@code sqlite3.connect(...)}.
 * <p>
 * The function or class is the one the frontend resolves the callee to ({@code FunctionType}/{@code ClassType} with a
 * definition location); the receiver of a method is followed through one single assignment. Anything else is unknown.
 */
public final class ProjectCallees {

  private ProjectCallees() {
  }

  /**
   * A value bound to a parameter: an expression of the analysed file ({@code here}), or a value written in the module
   * that defines the callee ({@code there}, to resolve with that module's imports).
   */
  public record Bound(Expression here, Value there, ModuleSummary module) {
  }

  /**
   * An instance of a project class: the module and name of the class, and the values its {@code __init__} kept in
   * attributes ({@code self.source = source}), by attribute.
   */
  public record Instance(ModuleSummary module, String className, Map<String, Bound> attributes) {
  }

  /**
   * A called project function or method: the module defining it, its key in {@link ModuleSummary#returnsOf} ({@code f}
   * or {@code Class.m}), its display name, its parameter names, the value bound to each parameter by this call (when
   * known), and for a method the instance it is called on.
   */
  public record Callee(ModuleSummary module, String key, String name, List<String> parameters, Map<String, Bound> arguments, Instance receiver) {

    public List<Returned> returns() {
      return module.returnsOf(key);
    }
  }

  /** The project function ({@code helper(x)}) or method of a project instance ({@code params.text(x)}) this call runs, or empty. */
  public static Optional<Callee> of(CallExpression call, SubscriptionContext ctx) {
    Expression callee = Trees.skipParentheses(call.callee());
    Optional<Callee> function = function(call, ctx);
    if (function.isPresent() || !(callee instanceof QualifiedExpression method)) {
      return function;
    }
    return instanceOf(method.qualifier(), ctx).flatMap(instance -> {
      String name = method.name().name();
      MethodSummary summary = instance.module().classes().get(instance.className()).methods().get(name);
      if (summary == null || isStaticOrClassMethod(summary, instance.module())) {
        return Optional.empty();
      }
      return Optional.of(new Callee(instance.module(), instance.className() + "." + name, name + "()", summary.parameters(),
        bind(call, summary.parameters(), 1), instance));
    });
  }

  /** The top-level project function this call runs, read from its module's summary, or empty. */
  public static Optional<Callee> function(CallExpression call, SubscriptionContext ctx) {
    if (!(Trees.skipParentheses(call.callee()).typeV2() instanceof FunctionType function)) {
      return Optional.empty();
    }
    LocationInFile location = function.definitionLocation().orElse(null);
    Optional<ModuleSummary> module = location == null ? Optional.empty() : ModuleSources.summaryAt(location, ctx);
    if (module.isEmpty()) {
      return Optional.empty();
    }
    FunctionSummary summary = module.get().functions().get(function.name());
    if (summary == null || summary.nameRange().line() != location.startLine()) {
      return Optional.empty();
    }
    return Optional.of(new Callee(module.get(), function.name(), function.name() + "()", summary.parameters(),
      bind(call, summary.parameters(), 0), null));
  }

  /**
   * The project instance an expression holds: {@code RequestParams(request)}, or a name assigned once from it, or from a
   * project function that returns {@code RequestParams(...)} of its own module; empty otherwise.
   */
  public static Optional<Instance> instanceOf(Expression expression, SubscriptionContext ctx) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof Name name) {
      expr = ValueResolver.singleAssignedValue(name).map(Trees::skipParentheses).orElse(null);
    }
    if (!(expr instanceof CallExpression construction)) {
      return Optional.empty();
    }
    PythonType type = Trees.skipParentheses(construction.callee()).typeV2();
    if (type instanceof ClassType classType) {
      LocationInFile location = classType.definitionLocation().orElse(null);
      Optional<ModuleSummary> module = location == null ? Optional.empty() : ModuleSources.summaryAt(location, ctx);
      return module.flatMap(m -> m.classAt(classType.name(), location.startLine())
        .map(c -> new Instance(m, c.name(), keptAttributes(m, c, initParameter -> bind(construction, initParameters(c), 1).get(initParameter)))));
    }
    return function(construction, ctx).flatMap(factory -> factoryInstance(factory));
  }

  /** {@code return RequestParams(request)} in a function of the class's own module. */
  private static Optional<Instance> factoryInstance(Callee factory) {
    ModuleSummary module = factory.module();
    for (Returned returned : factory.returns()) {
      if (returned.value() instanceof ModuleSummary.Call call && !call.callee().contains(".") && module.classes().containsKey(call.callee())
        && !module.imports().containsKey(call.callee()) && !call.unpacking()) {
        ClassSummary classSummary = module.classes().get(call.callee());
        List<String> parameters = initParameters(classSummary);
        return Optional.of(new Instance(module, classSummary.name(), keptAttributes(module, classSummary, initParameter -> {
          int index = parameters.indexOf(initParameter);
          Optional<Value> value = call.arg(index - 1, initParameter);
          if (value.isEmpty()) {
            return null;
          }
          if (value.get() instanceof ModuleSummary.Dotted dotted && factory.parameters().contains(dotted.text())) {
            // def current_params(request): return RequestParams(request)
            return factory.arguments().get(dotted.text());
          }
          return new Bound(null, value.get(), module);
        })));
      }
    }
    return Optional.empty();
  }

  /** The attributes {@code __init__} sets from its parameters ({@code self.source = source}), with what the construction passed. */
  private static Map<String, Bound> keptAttributes(ModuleSummary module, ClassSummary classSummary,
    java.util.function.Function<String, Bound> boundToInitParameter) {
    Map<String, Bound> result = new LinkedHashMap<>();
    List<String> parameters = initParameters(classSummary);
    module.attributesSetInInit(classSummary.name()).forEach((attribute, value) -> {
      if (value instanceof ModuleSummary.Dotted parameter && parameters.indexOf(parameter.text()) > 0) {
        Bound bound = boundToInitParameter.apply(parameter.text());
        if (bound != null) {
          result.put(attribute, bound);
        }
      }
    });
    return result;
  }

  private static List<String> initParameters(ClassSummary classSummary) {
    MethodSummary init = classSummary.methods().get("__init__");
    return init == null ? List.of() : init.parameters();
  }

  private static boolean isStaticOrClassMethod(MethodSummary method, ModuleSummary module) {
    return method.decorators().stream().map(ModuleSummary::decoratorText)
      .anyMatch(d -> "staticmethod".equals(d) || "classmethod".equals(d) || "property".equals(module.resolve(d)));
  }

  /**
   * The arguments of the call by parameter name ({@code skip} leading parameters bound otherwise: {@code self});
   * unpacked arguments make the positions after them unknown.
   */
  private static Map<String, Bound> bind(CallExpression call, List<String> parameters, int skip) {
    Map<String, Bound> result = new LinkedHashMap<>();
    int position = skip;
    boolean positional = true;
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular && regular.keywordArgument() != null) {
        String keyword = regular.keywordArgument().name();
        if (parameters.contains(keyword)) {
          result.put(keyword, new Bound(regular.expression(), null, null));
        }
      } else if (argument instanceof RegularArgument regular && positional) {
        if (position < parameters.size()) {
          result.putIfAbsent(parameters.get(position), new Bound(regular.expression(), null, null));
        }
        position++;
      } else {
        positional = false;
      }
    }
    return result;
  }
}
