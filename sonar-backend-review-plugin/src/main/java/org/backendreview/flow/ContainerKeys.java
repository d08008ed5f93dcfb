/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.DictionaryLiteralElement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.NumericLiteral;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Containers tainted per key: a local dict or list literal that the function only reads and writes under constant keys
 * ({@code values = {"user": x, "site": "example"}; values["site"]}), and a local {@code ConfigParser} read and written
 * under constant sections and options. Anything else about the container (passed to a call, iterated, updated with a
 * computed key) makes the whole container count.
 */
final class ContainerKeys {

  private static final Set<String> CONFIG_PARSERS = Set.of("configparser.ConfigParser", "configparser.RawConfigParser",
    "configparser.SafeConfigParser");
  private static final Set<String> CONFIG_READS = Set.of("read_string", "read_dict", "read_file");

  private ContainerKeys() {
  }

  /** A constant key: a string (dict) or a non-negative integer (list), or empty. */
  static Optional<Object> literalKey(List<Expression> subscripts) {
    if (subscripts.size() != 1) {
      return Optional.empty();
    }
    Expression key = Trees.skipParentheses(subscripts.get(0));
    Optional<String> text = Literals.stringValue(key);
    if (text.isPresent()) {
      return Optional.of(text.get());
    }
    if (key instanceof NumericLiteral number && number.valueAsString().chars().allMatch(Character::isDigit)) {
      return Optional.of(number.valueAsLong());
    }
    return Optional.empty();
  }

  /**
   * The values the container may hold under the key (the literal's element and the later {@code x[key] = v}), or empty
   * when the container is not such a local literal.
   */
  static Optional<List<Expression>> valuesUnder(Expression container, Object key) {
    if (!(Trees.skipParentheses(container) instanceof Name name) || name.symbolV2() == null) {
      return Optional.empty();
    }
    SymbolV2 symbol = name.symbolV2();
    FunctionDef function = Trees.nearestFunctionDef(name);
    Optional<Expression> literal = ValueResolver.singleAssignedValue(name).map(Trees::skipParentheses);
    if (function == null || literal.isEmpty()) {
      return Optional.empty();
    }
    List<Expression> result = new ArrayList<>();
    if (!elementsUnder(literal.get(), key, result)) {
      return Optional.empty();
    }
    for (UsageV2 usage : symbol.usages()) {
      Tree use = usage.tree();
      if (Trees.nearestFunctionDef(use) != function) {
        return Optional.empty();
      }
      if (usage.isBindingUsage()) {
        continue;
      }
      if (!(use.parent() instanceof SubscriptionExpression subscription && subscription.object() == use)) {
        if (!isConstantGet(use)) {
          return Optional.empty();
        }
        continue;
      }
      Optional<Object> used = literalKey(subscription.subscripts().expressions());
      if (used.isEmpty()) {
        return Optional.empty();
      }
      AssignmentStatement store = store(subscription);
      if (store != null && used.get().equals(key)) {
        result.add(store.assignedValue());
      } else if (store == null && isTarget(subscription)) {
        // x[k] += v, for x[k] in ...: not followed
        return Optional.empty();
      }
    }
    return Optional.of(result);
  }

  private static boolean elementsUnder(Expression literal, Object key, List<Expression> result) {
    if (literal instanceof DictionaryLiteral dict) {
      for (DictionaryLiteralElement element : dict.elements()) {
        if (!(element instanceof KeyValuePair pair)) {
          return false;
        }
        Optional<String> elementKey = Literals.stringValue(pair.key());
        if (elementKey.isEmpty()) {
          return false;
        }
        if (elementKey.get().equals(key)) {
          result.add(pair.value());
        }
      }
      return true;
    }
    if (literal.is(Tree.Kind.LIST_LITERAL, Tree.Kind.TUPLE)) {
      List<Expression> elements = Literals.collectionElements(literal).orElse(null);
      if (elements == null || elements.stream().anyMatch(e -> e.is(Tree.Kind.UNPACKING_EXPR))) {
        return false;
      }
      if (key instanceof Long index && index < elements.size()) {
        result.add(elements.get(index.intValue()));
      }
      return true;
    }
    return false;
  }

  /** {@code x.get("key")} or {@code x.get("key", default)}. */
  private static boolean isConstantGet(Tree use) {
    return use.parent() instanceof QualifiedExpression method && method.qualifier() == use && "get".equals(method.name().name())
      && method.parent() instanceof CallExpression call && call.callee() == method && call.arguments().size() <= 2
      && Arguments.value(call, 0, "key").flatMap(k -> literalKey(List.of(k))).isPresent();
  }

  private static AssignmentStatement store(SubscriptionExpression subscription) {
    if (subscription.parent() instanceof ExpressionList list && list.parent() instanceof AssignmentStatement assignment
      && assignment.lhsExpressions().contains(list)) {
      return assignment;
    }
    return null;
  }

  private static boolean isTarget(SubscriptionExpression subscription) {
    Tree parent = subscription.parent();
    return parent != null && parent.is(Tree.Kind.COMPOUND_ASSIGNMENT, Tree.Kind.FOR_STMT, Tree.Kind.EXPRESSION_LIST, Tree.Kind.TUPLE);
  }

  /** True for a local variable bound once to {@code configparser.ConfigParser(...)}. */
  static boolean isConfigParser(Expression receiver) {
    return Trees.skipParentheses(receiver) instanceof Name name && Trees.nearestFunctionDef(name) != null
      && ValueResolver.singleAssignedValue(name).filter(v -> v instanceof CallExpression call && Fqns.ofCallee(call).filter(CONFIG_PARSERS::contains)
        .isPresent()).isPresent();
  }

  /**
   * The values {@code parser.get(section, option)} may return: those set under the same section and option (or a
   * computed one), and the text the parser read ({@code read_string}, {@code read_dict}).
   */
  static List<Expression> configValues(Name parser, CallExpression get) {
    Optional<String> section = Arguments.value(get, 0, "section").flatMap(Literals::stringValue);
    Optional<String> option = Arguments.value(get, 1, "option").flatMap(Literals::stringValue);
    List<Expression> result = new ArrayList<>();
    for (UsageV2 usage : parser.symbolV2().usages()) {
      Tree use = usage.tree();
      if (!(use.parent() instanceof QualifiedExpression method && method.qualifier() == use && method.parent() instanceof CallExpression call
        && call.callee() == method)) {
        continue;
      }
      String called = method.name().name();
      if ("set".equals(called)) {
        Optional<String> setSection = Arguments.value(call, 0, "section").flatMap(Literals::stringValue);
        Optional<String> setOption = Arguments.value(call, 1, "option").flatMap(Literals::stringValue);
        boolean same = (section.isEmpty() || setSection.isEmpty() || section.equals(setSection))
          && (option.isEmpty() || setOption.isEmpty() || option.equals(setOption));
        if (same) {
          Arguments.value(call, 2, "value").ifPresent(result::add);
        }
      } else if (CONFIG_READS.contains(called)) {
        Arguments.value(call, 0, "string").ifPresent(result::add);
      }
    }
    return result;
  }
}
