/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics;

import java.util.Optional;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.Values;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;

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

  private EnvironmentReads() {
  }

  public static Optional<EnvRead> of(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isPresent()) {
      switch (fqn.get()) {
        case "os.environ.get", "os.getenv", "os.environ.setdefault":
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
    return Optional.empty();
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
    return Values.singleAssignedValue(name)
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
