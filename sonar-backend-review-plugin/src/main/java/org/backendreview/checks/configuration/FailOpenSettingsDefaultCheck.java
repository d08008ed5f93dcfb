/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.configuration;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.django.DjangoSettings;
import org.backendreview.semantics.python.EnvironmentReads;
import org.backendreview.semantics.python.EnvironmentReads.EnvRead;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.InExpression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.Tuple;

/**
 * A deployable Django settings module reads DEBUG, SECRET_KEY or ALLOWED_HOSTS from the environment with an
 * insecure fallback, so a production deployment that forgets the variable silently runs in an insecure mode.
 */
@Rule(key = "FailOpenSettingsDefault")
public class FailOpenSettingsDefaultCheck extends DeployableSettingsCheck {

  private static final String DEBUG = "DEBUG";
  private static final String SECRET_KEY = "SECRET_KEY";
  private static final String ALLOWED_HOSTS = "ALLOWED_HOSTS";
  private static final Set<String> SETTINGS = Set.of(DEBUG, SECRET_KEY, ALLOWED_HOSTS);
  private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes", "y", "on", "t");
  private static final Set<String> BOOL_PARSERS = Set.of("bool", "strtobool", "str2bool", "to_bool", "as_bool", "parse_bool",
    "string_to_bool", "str_to_bool", "boolify", "truthy", "int");
  private static final Set<String> STRING_NORMALISERS = Set.of("lower", "upper", "strip", "casefold", "capitalize", "title");

  @Override
  protected void checkSettings(SubscriptionContext ctx, FileInput module) {
    Trees.walk(module.statements(), DjangoSettings::isModuleLevelBlock, t -> {
      if (t instanceof AssignmentStatement assignment && !DjangoSettings.isGuardedByDebug(t)) {
        checkAssignment(ctx, assignment);
      }
    });
  }

  private static void checkAssignment(SubscriptionContext ctx, AssignmentStatement assignment) {
    Expression value = assignment.assignedValue();
    for (ExpressionList lhs : assignment.lhsExpressions()) {
      for (Expression target : lhs.expressions()) {
        if (target instanceof Name name && SETTINGS.contains(name.name())) {
          checkSettingValue(ctx, name, value);
        }
      }
    }
    // env = environ.Env(DEBUG=(bool, True)): the scheme's default applies to every env("DEBUG") read
    Expression rhs = Trees.skipParentheses(value);
    if (rhs instanceof CallExpression call && EnvironmentReads.isDjangoEnvironConstructor(call)) {
      checkEnvironScheme(ctx, call);
    }
  }

  private static void checkSettingValue(SubscriptionContext ctx, Name setting, Expression value) {
    Expression rhs = Trees.skipParentheses(value);
    // SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-key"
    if (SECRET_KEY.equals(setting.name()) && rhs.is(Tree.Kind.OR) && containsEnvRead(((BinaryExpression) rhs).leftOperand())) {
      Expression fallback = ((BinaryExpression) rhs).rightOperand();
      if (isHardCodedSecret(fallback)) {
        report(ctx, setting, fallback, Optional.empty());
      }
    }
    Trees.walk(rhs, t -> !t.is(Tree.Kind.LAMBDA), t -> {
      if (t instanceof CallExpression call) {
        EnvironmentReads.of(call).ifPresent(read -> read.defaultValue().ifPresent(defaultValue -> {
          if (isFailOpen(setting.name(), read, defaultValue, rhs)) {
            report(ctx, setting, defaultValue, read.variable());
          }
        }));
      }
    });
  }

  private static void checkEnvironScheme(SubscriptionContext ctx, CallExpression constructor) {
    for (Argument argument : constructor.arguments()) {
      if (argument instanceof RegularArgument regular && regular.keywordArgument() != null
        && SETTINGS.contains(regular.keywordArgument().name())
        && Trees.skipParentheses(regular.expression()) instanceof Tuple scheme && scheme.elements().size() == 2) {
        String setting = regular.keywordArgument().name();
        Expression defaultValue = scheme.elements().get(1);
        boolean failOpen = switch (setting) {
          case DEBUG -> isTrue(constant(defaultValue));
          case SECRET_KEY -> isHardCodedSecret(defaultValue);
          default -> allowsAnyHost(defaultValue);
        };
        if (failOpen) {
          report(ctx, regular.keywordArgument(), defaultValue, Optional.of(setting));
        }
      }
    }
  }

  private static boolean isFailOpen(String setting, EnvRead read, Expression defaultValue, Expression rhs) {
    return switch (setting) {
      case DEBUG -> isTrue(evaluate(read.call(), constant(defaultValue), rhs));
      case SECRET_KEY -> isHardCodedSecret(defaultValue);
      default -> allowsAnyHost(defaultValue);
    };
  }

  private static void report(SubscriptionContext ctx, Name setting, Expression defaultValue, Optional<String> variable) {
    String var = variable.map(v -> "\"" + v + "\"").orElse("the variable");
    String message = switch (setting.name()) {
      case DEBUG -> "Make this fallback False: DEBUG is on whenever " + var + " is not set in production.";
      case SECRET_KEY -> "Remove this hard-coded fallback of SECRET_KEY: fail at start-up when " + var + " is not set.";
      default -> "Remove this \"*\" fallback of ALLOWED_HOSTS: every Host header is accepted when " + var + " is not set.";
    };
    ctx.addIssue(defaultValue, message).secondary(setting, "Setting read from the environment");
  }

  private static boolean containsEnvRead(Expression expression) {
    boolean[] found = {false};
    Trees.walk(expression, t -> !t.is(Tree.Kind.LAMBDA), t -> {
      if (t instanceof CallExpression call && EnvironmentReads.of(call).isPresent()) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static boolean isHardCodedSecret(Expression expression) {
    return Literals.stringValue(expression).filter(s -> !s.isBlank()).isPresent();
  }

  private static boolean allowsAnyHost(Expression expression) {
    Optional<String> string = Literals.stringValue(expression);
    if (string.isPresent()) {
      for (String host : string.get().split("[,\\s]+")) {
        if ("*".equals(host)) {
          return true;
        }
      }
      return false;
    }
    Optional<List<Expression>> elements = Literals.collectionElements(expression);
    return elements.isPresent() && elements.get().stream().anyMatch(e -> Literals.stringValue(e).filter("*"::equals).isPresent());
  }

  /** Constant value of a literal: Boolean, Long, String; null when not a constant. */
  private static Object constant(Expression expression) {
    Optional<Boolean> bool = Literals.booleanValue(expression);
    if (bool.isPresent()) {
      return bool.get();
    }
    Optional<String> string = Literals.stringValue(expression);
    if (string.isPresent()) {
      return string.get();
    }
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof org.sonar.plugins.python.api.tree.NumericLiteral number) {
      try {
        return Long.parseLong(number.valueAsString());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * The value the setting gets when the variable is unset: starts from the fallback and follows the expression up to
   * the assigned value through boolean parsers, string normalisers, comparisons and membership tests. Null when the
   * expression does anything else (then the rule stays silent).
   */
  private static Object evaluate(CallExpression read, Object fallback, Expression root) {
    Object value = fallback;
    Tree node = read;
    while (value != null && node != root) {
      Tree parent = node.parent();
      if (parent == null) {
        return null;
      }
      if (parent.is(Tree.Kind.PARENTHESIZED)) {
        node = parent;
      } else if (parent.is(Tree.Kind.REGULAR_ARGUMENT) && parent.parent() != null && parent.parent().parent() instanceof CallExpression call) {
        value = parseCall(call, value);
        node = call;
      } else if (parent instanceof QualifiedExpression qualified && qualified.qualifier() == node
        && parent.parent() instanceof CallExpression call && call.callee() == parent && call.arguments().isEmpty()
        && value instanceof String string && STRING_NORMALISERS.contains(qualified.name().name())) {
        value = normalise(string, qualified.name().name());
        node = call;
      } else if (parent instanceof InExpression in && in.leftOperand() == node) {
        value = membership(in, value);
        node = parent;
      } else if (parent.is(Tree.Kind.COMPARISON) && parent instanceof BinaryExpression comparison) {
        value = comparison(comparison, node, value);
        node = parent;
      } else {
        return null;
      }
    }
    return value;
  }

  private static Object comparison(BinaryExpression comparison, Tree operand, Object value) {
    Expression other = comparison.leftOperand() == operand ? comparison.rightOperand() : comparison.leftOperand();
    Object otherValue = constant(other);
    String operator = comparison.operator().value();
    if (otherValue == null || !("==".equals(operator) || "!=".equals(operator))) {
      return null;
    }
    boolean equal = String.valueOf(otherValue).equals(String.valueOf(value));
    return "==".equals(operator) == equal;
  }

  private static Object membership(InExpression in, Object value) {
    Optional<List<Expression>> elements = Literals.collectionElements(in.rightOperand());
    if (elements.isEmpty()) {
      return null;
    }
    boolean member = elements.get().stream()
      .map(FailOpenSettingsDefaultCheck::constant)
      .anyMatch(c -> String.valueOf(c).equals(String.valueOf(value)));
    return (in.notToken() == null) == member;
  }

  /** {@code str2bool(value)}, {@code int(value)}: the parsed value, or null for any other call. */
  private static Object parseCall(CallExpression call, Object value) {
    Expression callee = Trees.skipParentheses(call.callee());
    String name = callee instanceof Name n ? n.name() : "";
    if (callee instanceof QualifiedExpression q) {
      name = q.name().name();
    }
    if (call.arguments().size() != 1 || !BOOL_PARSERS.contains(name)) {
      return null;
    }
    if ("int".equals(name)) {
      return value instanceof String s ? parseLong(s) : value;
    }
    if ("bool".equals(name) && value instanceof String) {
      // bool("False") is True: a different bug, left to the reader of the code
      return null;
    }
    return isTrue(value);
  }

  private static Object parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String normalise(String value, String method) {
    return switch (method) {
      case "lower", "casefold" -> value.toLowerCase(Locale.ROOT);
      case "upper" -> value.toUpperCase(Locale.ROOT);
      case "strip" -> value.strip();
      case "capitalize", "title" -> value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1).toLowerCase(Locale.ROOT);
      default -> value;
    };
  }

  /** True for True, non-zero numbers and the usual true words ("true", "1", "yes", "on"...). */
  private static boolean isTrue(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Long l) {
      return l != 0;
    }
    if (value instanceof String s) {
      return TRUE_WORDS.contains(s.strip().toLowerCase(Locale.ROOT));
    }
    return false;
  }
}
