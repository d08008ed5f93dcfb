/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backendreview.semantics.security.RequestSources;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Calls between the functions of one module: which function of the module a call invokes ({@code helper(x)},
 * {@code self.helper(x)}), which argument a call passes for a parameter, and (built once per file, on first need) the
 * call sites of each function.
 */
final class ModuleFunctions {

  private final FileInput file;
  private Map<FunctionDef, List<CallExpression>> callSites;
  private java.util.Set<FunctionDef> dependencies;

  private final boolean fastApi;

  ModuleFunctions(FileInput file) {
    this.file = file;
    this.fastApi = RequestSources.importsFastApi(file);
  }

  /** The function of this module the call invokes, or null when it is unknown or defined elsewhere. */
  static FunctionDef callee(CallExpression call) {
    Expression callee = Trees.skipParentheses(call.callee());
    if (callee instanceof Name name) {
      return definedFunction(name);
    }
    if (!(callee instanceof QualifiedExpression qualified)) {
      return null;
    }
    Expression receiver = Trees.skipParentheses(qualified.qualifier());
    ClassDef owner = null;
    if (receiver instanceof Name name) {
      FunctionDef caller = Trees.enclosingFunction(call);
      ClassDef callerClass = caller == null ? null : Trees.methodOwner(caller);
      if (callerClass != null && isFirstParameter(caller, name)) {
        owner = callerClass;
      } else {
        owner = ValueResolver.singleAssignedValue(name).map(ModuleFunctions::instantiatedClass).orElse(null);
      }
    } else {
      owner = instantiatedClass(receiver);
    }
    return owner == null ? null : method(owner, qualified.name().name());
  }

  /** For {@code Repo()} where {@code Repo} is a class of this module: that class. */
  private static ClassDef instantiatedClass(Expression expression) {
    if (!(Trees.skipParentheses(expression) instanceof CallExpression constructor) || !(constructor.callee() instanceof Name name)) {
      return null;
    }
    return declaration(name, UsageV2.Kind.CLASS_DECLARATION, ClassDef.class);
  }

  private static FunctionDef definedFunction(Name name) {
    return declaration(name, UsageV2.Kind.FUNC_DECLARATION, FunctionDef.class);
  }

  /** The {@code def} or {@code class} a name is bound to, when it is its only binding; null otherwise. */
  private static <T extends Tree> T declaration(Name name, UsageV2.Kind kind, Class<T> type) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return null;
    }
    T result = null;
    for (UsageV2 usage : symbol.usages()) {
      if (usage.isBindingUsage()) {
        if (usage.kind() != kind || result != null || !type.isInstance(usage.tree().parent())) {
          return null;
        }
        result = type.cast(usage.tree().parent());
      }
    }
    return result;
  }

  private static FunctionDef method(ClassDef owner, String name) {
    FunctionDef result = null;
    for (Statement statement : owner.body().statements()) {
      if (statement instanceof FunctionDef def && def.name().name().equals(name)) {
        if (result != null) {
          return null;
        }
        result = def;
      }
    }
    return result;
  }

  private static boolean isFirstParameter(FunctionDef function, Name name) {
    List<Parameter> parameters = RequestHandlers.namedParameters(function);
    return !parameters.isEmpty() && parameters.get(0).starToken() == null && parameters.get(0).name().name().equals(name.name())
      && !isStatic(function);
  }

  private static boolean isStatic(FunctionDef function) {
    for (Decorator decorator : function.decorators()) {
      if (decorator.expression() instanceof Name n && "staticmethod".equals(n.name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The expression a call passes for the parameter of the called function, or empty when it passes none (default
   * value) or when unpacked arguments make it unknown.
   */
  static Optional<Expression> argumentFor(CallExpression call, FunctionDef function, Name parameter) {
    List<Parameter> parameters = RequestHandlers.namedParameters(function);
    int index = -1;
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).name() == parameter) {
        index = i;
      }
    }
    if (index < 0 || parameters.get(index).starToken() != null) {
      return Optional.empty();
    }
    boolean boundReceiver = Trees.methodOwner(function) != null && !isStatic(function)
      && Trees.skipParentheses(call.callee()) instanceof QualifiedExpression;
    int position = boundReceiver ? index - 1 : index;
    Optional<RegularArgument> byKeyword = Arguments.keyword(call, parameter.name());
    if (byKeyword.isPresent()) {
      return byKeyword.map(RegularArgument::expression);
    }
    if (position < 0 || isKeywordOnly(function, parameters.get(index))) {
      return Optional.empty();
    }
    int current = 0;
    for (Argument argument : call.arguments()) {
      if (!(argument instanceof RegularArgument regular) || regular.keywordArgument() != null) {
        return Optional.empty();
      }
      if (current == position) {
        return Optional.of(regular.expression());
      }
      current++;
    }
    return Optional.empty();
  }

  private static boolean isKeywordOnly(FunctionDef function, Parameter parameter) {
    for (Tree any : function.parameters().all()) {
      if (any == parameter) {
        return false;
      }
      if (any instanceof Parameter p && p.starToken() != null) {
        return true;
      }
    }
    return false;
  }

  /** Call sites of the function in this module (one walk of the file, the first time it is asked). */
  List<CallExpression> callSites(FunctionDef function) {
    index();
    return callSites.getOrDefault(function, List.of());
  }

  /** True when the function is a FastAPI dependency of this module: {@code Depends(function)}. */
  boolean isFastApiDependency(FunctionDef function) {
    if (!fastApi) {
      return false;
    }
    index();
    return dependencies.contains(function);
  }

  private void index() {
    if (callSites != null) {
      return;
    }
    callSites = new IdentityHashMap<>();
    dependencies = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Trees.walk(file, t -> true, t -> {
      if (t instanceof CallExpression call) {
        FunctionDef target = callee(call);
        if (target != null) {
          callSites.computeIfAbsent(target, k -> new ArrayList<>()).add(call);
        }
        if (Fqns.ofCallee(call).filter(RequestSources.FASTAPI_DEPENDENCIES::contains).isPresent()) {
          Arguments.value(call, 0, "dependency").filter(d -> d instanceof Name).map(d -> definedFunction((Name) d)).ifPresent(dependencies::add);
        }
      }
    });
  }
}
