/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.annotation.Nullable;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.ComprehensionExpression;
import org.sonar.plugins.python.api.tree.ComprehensionFor;
import org.sonar.plugins.python.api.tree.DictCompExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.ParenthesizedExpression;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Navigation on the public python tree API: ancestors, enclosing scopes and loops, bounded descendant search.
 * Ancestor walks are linear in the depth of the node; descendant walks are linear in the walked sub-tree. Nothing
 * here walks a whole file from a node. Methods return {@code null} where a node has no such ancestor.
 */
public final class Trees {

  private static final Tree.Kind[] SCOPE_BOUNDARIES = {Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF, Tree.Kind.FILE_INPUT};
  private static final Tree.Kind[] COMPREHENSIONS = {Tree.Kind.LIST_COMPREHENSION, Tree.Kind.SET_COMPREHENSION,
    Tree.Kind.DICT_COMPREHENSION, Tree.Kind.GENERATOR_EXPR};

  private Trees() {
  }

  /** The closest strict ancestor of one of the given kinds, or null. */
  public static Tree firstAncestor(Tree tree, Tree.Kind... kinds) {
    Tree current = tree.parent();
    while (current != null) {
      if (current.is(kinds)) {
        return current;
      }
      current = current.parent();
    }
    return null;
  }

  /** The closest strict ancestor that satisfies the predicate, or null. */
  public static Tree firstAncestor(Tree tree, Predicate<Tree> predicate) {
    Tree current = tree.parent();
    while (current != null) {
      if (predicate.test(current)) {
        return current;
      }
      current = current.parent();
    }
    return null;
  }

  /**
   * The function whose body runs this node: the nearest enclosing {@code def}, or null when a lambda or a class body
   * is nearer, or at module level.
   */
  public static FunctionDef enclosingFunction(Tree tree) {
    Tree scope = firstAncestor(tree, SCOPE_BOUNDARIES);
    return scope != null && scope.is(Tree.Kind.FUNCDEF) ? (FunctionDef) scope : null;
  }

  /** The nearest enclosing {@code def}, crossing lambdas and nested classes; null at module level. */
  public static FunctionDef nearestFunctionDef(Tree tree) {
    return (FunctionDef) firstAncestor(tree, Tree.Kind.FUNCDEF);
  }

  /** The class whose body directly declares this function (i.e. the function is a method), or null. */
  public static ClassDef methodOwner(FunctionDef functionDef) {
    Tree statementList = functionDef.parent();
    if (statementList != null && statementList.is(Tree.Kind.STATEMENT_LIST)) {
      Tree owner = statementList.parent();
      if (owner != null && owner.is(Tree.Kind.CLASSDEF)) {
        return (ClassDef) owner;
      }
    }
    return null;
  }

  /** The nearest enclosing class, or null. */
  public static ClassDef enclosingClass(Tree tree) {
    return (ClassDef) firstAncestor(tree, Tree.Kind.CLASSDEF);
  }

  /** True when the node is a statement directly in the module body (not nested in any block). */
  public static boolean isModuleLevelStatement(Tree statement) {
    Tree parent = statement.parent();
    return parent != null && parent.is(Tree.Kind.STATEMENT_LIST) && parent.parent() != null && parent.parent().is(Tree.Kind.FILE_INPUT);
  }

  /**
   * The nearest loop (for/while statement or comprehension) that evaluates this node once per iteration, without
   * leaving the enclosing function, lambda or class body; null when the node is evaluated once per call. The iterable
   * of a {@code for} statement and the first iterable of a comprehension are evaluated once, so they are not "in" the
   * loop.
   */
  public static Tree enclosingLoop(Tree tree) {
    Tree grandChild = null;
    Tree child = tree;
    Tree current = tree.parent();
    while (current != null && !current.is(SCOPE_BOUNDARIES)) {
      if (repeats(current, child, grandChild)) {
        return current;
      }
      grandChild = child;
      child = current;
      current = current.parent();
    }
    return null;
  }

  private static boolean repeats(Tree candidate, Tree child, Tree grandChild) {
    if (candidate.is(Tree.Kind.WHILE_STMT)) {
      return true;
    }
    if (candidate.is(Tree.Kind.FOR_STMT)) {
      return !((ForStatement) candidate).testExpressions().contains(child);
    }
    if (candidate.is(COMPREHENSIONS)) {
      ComprehensionFor firstFor = candidate instanceof DictCompExpression dict
        ? dict.comprehensionFor()
        : ((ComprehensionExpression) candidate).comprehensionFor();
      return child != firstFor || grandChild != firstFor.iterable();
    }
    return false;
  }

  /** True when {@code ancestor} is {@code tree} itself or one of its ancestors. */
  public static boolean isAncestorOrSelf(Tree ancestor, Tree tree) {
    Tree current = tree;
    while (current != null) {
      if (current == ancestor) {
        return true;
      }
      current = current.parent();
    }
    return false;
  }

  /** Strips any number of enclosing parentheses. */
  public static Expression skipParentheses(Expression expression) {
    Expression current = expression;
    while (current.is(Tree.Kind.PARENTHESIZED)) {
      current = ((ParenthesizedExpression) current).expression();
    }
    return current;
  }

  /**
   * Visits the sub-tree depth-first in document order (root included). Children of a node are entered only when
   * {@code descend} accepts the node; the root is always entered.
   */
  public static void walk(Tree root, Predicate<Tree> descend, Consumer<Tree> visitor) {
    Deque<Tree> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Tree current = stack.pop();
      visitor.accept(current);
      if (current == root || descend.test(current)) {
        List<Tree> children = current.children();
        for (int i = children.size() - 1; i >= 0; i--) {
          Tree child = children.get(i);
          if (child != null) {
            stack.push(child);
          }
        }
      }
    }
  }

  /** Strict descendants of the given kind in document order, not entering nested functions, lambdas or classes. */
  public static <T extends Tree> List<T> descendantsInSameScope(Tree root, Tree.Kind kind, Class<T> type) {
    List<T> result = new ArrayList<>();
    walk(root, t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t != root && t.is(kind)) {
        result.add(type.cast(t));
      }
    });
    return result;
  }

  /** True when the first tree starts before the second one in the file (by their first tokens). */
  public static boolean startsBefore(Tree first, Tree second) {
    return DOCUMENT_ORDER.compare(first, second) < 0;
  }

  /** Trees by where they start in the file: line, then column. */
  public static final Comparator<Tree> DOCUMENT_ORDER = Comparator.comparing(Tree::firstToken, Trees::compareTokens);

  /** Tokens by position: line, then column. */
  public static int compareTokens(Token a, Token b) {
    return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column());
  }

  /** The {@code def} a name is bound to when that is its only binding (a function of this file); null otherwise. */
  @Nullable
  public static FunctionDef functionBoundTo(Name name) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return null;
    }
    Optional<UsageV2> binding = symbol.getSingleBindingUsage();
    if (binding.isEmpty() || binding.get().kind() != UsageV2.Kind.FUNC_DECLARATION) {
      return null;
    }
    return binding.get().tree().parent() instanceof FunctionDef function ? function : null;
  }
}
