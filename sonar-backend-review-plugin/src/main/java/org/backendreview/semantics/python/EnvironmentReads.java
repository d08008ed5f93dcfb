/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.python;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Reads of environment variables with their fallback values: {@code os.environ.get(name, default)},
 * {@code os.getenv(name, default)}, {@code os.environ.setdefault(name, default)}, python-decouple
 * {@code config(name, default=...)} and django-environ {@code env(name, default=...)} / {@code env.bool(...)} (where
 * {@code env = environ.Env(...)}).
 */
public final class EnvironmentReads {

  /**
   * An environment read.
   *
   * @param call the reading call
   * @param variable the variable name when it is a literal
   * @param defaultValue the fallback used when the variable is unset, if any
   */
  public record EnvRead(CallExpression call, Optional<String> variable, Optional<Expression> defaultValue) {
  }

  private static final String OS_ENVIRON_GET = "os.environ.get";
  private static final String OS_GETENV = "os.getenv";
  private static final String OS_ENVIRON_SETDEFAULT = "os.environ.setdefault";
  private static final Set<String> DIRECT_READS = Set.of(OS_ENVIRON_GET, OS_GETENV, OS_ENVIRON_SETDEFAULT, "decouple.config");

  private EnvironmentReads() {
  }

  public static Optional<EnvRead> of(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent()) {
      switch (fqn.get()) {
        case OS_ENVIRON_GET, OS_GETENV, OS_ENVIRON_SETDEFAULT:
          return Optional.of(read(call, Arguments.value(call, 1, "default")));
        case "decouple.config":
          return Optional.of(read(call, Arguments.value(call, -1, "default")));
        default:
          break;
      }
    }
    if (isDjangoEnvironCall(call)) {
      return Optional.of(read(call, Arguments.value(call, -1, "default")));
    }
    return helperRead(call);
  }

  private static final int MAX_HELPER_STATEMENTS = 30;

  /** A call to a module-level helper whose body reads the variable named by its first parameter. */
  private static Optional<EnvRead> helperRead(CallExpression call) {
    if (!(Trees.skipParentheses(call.callee()) instanceof Name name)) {
      return Optional.empty();
    }
    FunctionDef helper = Trees.functionBoundTo(name);
    if (helper == null || !Trees.isModuleLevelStatement(helper) || helper.body().statements().size() > MAX_HELPER_STATEMENTS) {
      return Optional.empty();
    }
    List<Parameter> parameters = RequestHandlers.namedParameters(helper);
    if (parameters.size() < 2 || !readsVariableNamedBy(helper, parameters.get(0).name().name())) {
      return Optional.empty();
    }
    int defaultIndex = 1;
    for (int i = 1; i < parameters.size(); i++) {
      if (parameters.get(i).name().name().contains("default")) {
        defaultIndex = i;
        break;
      }
    }
    Parameter defaultParameter = parameters.get(defaultIndex);
    Optional<Expression> defaultValue = Arguments.value(call, defaultIndex, defaultParameter.name().name());
    if (defaultValue.isEmpty() && !Arguments.hasUnpacking(call)) {
      defaultValue = Optional.ofNullable(defaultParameter.defaultValue());
    }
    Optional<String> variable = Arguments.positional(call, 0).flatMap(a -> Literals.stringValue(a.expression()));
    return Optional.of(new EnvRead(call, variable, defaultValue));
  }

  private static boolean readsVariableNamedBy(FunctionDef helper, String parameter) {
    boolean[] found = {false};
    Trees.walk(helper.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.CLASSDEF), t -> {
      if (!found[0] && t instanceof CallExpression inner) {
        Optional<String> fqn = Fqns.ofCallee(inner);
        if (fqn.isPresent() && DIRECT_READS.contains(fqn.get())) {
          found[0] = Arguments.value(inner, 0, "key").filter(k -> k instanceof Name n && n.name().equals(parameter)).isPresent();
        }
      }
    });
    return found[0];
  }

  private static EnvRead read(CallExpression call, Optional<Expression> defaultValue) {
    Optional<String> variable = Arguments.value(call, 0, "key").flatMap(Literals::stringValue);
    if (variable.isEmpty()) {
      variable = Arguments.value(call, 0, "var").flatMap(Literals::stringValue);
    }
    if (variable.isEmpty()) {
      variable = Arguments.value(call, 0, "option").flatMap(Literals::stringValue);
    }
    return new EnvRead(call, variable, defaultValue);
  }

  /** {@code env(...)} or {@code env.<cast>(...)} where {@code env} is bound once to {@code environ.Env(...)}. */
  private static boolean isDjangoEnvironCall(CallExpression call) {
    Expression callee = Trees.skipParentheses(call.callee());
    Expression envObject = Fqns.receiver(call).orElse(callee);
    if (!(envObject instanceof Name name)) {
      return false;
    }
    return ValueResolver.singleAssignedValue(name)
      .map(Trees::skipParentheses)
      .filter(CallExpression.class::isInstance)
      .map(v -> isDjangoEnvironConstructor((CallExpression) v))
      .orElse(false);
  }

  /** {@code environ.Env(...)} or {@code environ.FileAwareEnv(...)}. */
  public static boolean isDjangoEnvironConstructor(CallExpression call) {
    return Fqns.isCallTo(call, "environ.Env", "environ.FileAwareEnv", "environ.environ.Env");
  }
}
