/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.backendreview.semantics.security.InjectionSanitizers;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.tree.AssertStatement;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ConditionalExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionStatement;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.InExpression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.StatementList;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.UnaryExpression;

/**
 * Validation that guards a use of a variable, within one function:
 * <ul>
 *   <li>the use is in the body of {@code if x in ALLOWED:} (or in the {@code else} of {@code if x not in ALLOWED:});</li>
 *   <li>the use follows {@code if x not in ALLOWED: return/raise/continue/break/abort()} or
 *   {@code if x not in ALLOWED: x = "default"}, or {@code assert x in ALLOWED}, in an enclosing block, with no new
 *   assignment of {@code x} in between;</li>
 * </ul>
 * where the condition may also be a validator of {@link InjectionSanitizers#validates} ({@code x.isdigit()},
 * {@code url_has_allowed_host_and_scheme(x, ...)}, an anchored {@code re.fullmatch}), an equality with a literal, and
 * {@code and}/{@code or}/{@code not} combinations of those. The allow-list must not itself be request data.
 * The conditional statements of a function are collected once.
 */
final class Guards {

  /** The helpers whose return value is being read (a recursive helper is not expanded again). */
  private static final ThreadLocal<java.util.Set<FunctionDef>> EXPANDING = ThreadLocal.withInitial(
    () -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
  private static final java.util.Set<String> URL_HOST_FIELDS = java.util.Set.of("netloc", "hostname");

  private final List<Statement> conditions = new ArrayList<>();

  Guards(FunctionDef function) {
    Trees.walk(function.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t.is(Tree.Kind.IF_STMT, Tree.Kind.ASSERT_STMT)) {
        conditions.add((Statement) t);
      }
    });
  }

  /**
   * Where the latest validation of the variable that guards this use starts, or null: definitions of the variable
   * before that point reach the use only through the validation (so they are sanitized); later ones (a reassignment
   * in the body of {@code if not valid(x): x = other}) still count.
   */
  Token guardPoint(Name use, Kind kind, Predicate<Expression> isClean) {
    Token best = null;
    Tree child = use;
    for (Tree parent = use.parent(); parent != null && !parent.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA); child = parent, parent = parent.parent()) {
      if (guardsChild(parent, child, use, kind, isClean)) {
        best = later(best, parent.firstToken());
      }
    }
    for (Statement statement : conditions) {
      if (precedes(statement, use) && isEarlyGuard(statement, use, kind, isClean)) {
        best = later(best, statement.firstToken());
      }
    }
    return best;
  }

  /**
   * True when a validation that follows the definition in its own block (or an enclosing one), before the use,
   * checks it: {@code if ...: x = request_value; if not valid(x): x = "/"} then {@code use(x)}.
   */
  boolean validatesDefinition(Tree definition, Name use, Kind kind, Predicate<Expression> isClean) {
    for (Statement statement : conditions) {
      if (Trees.isAncestorOrSelf(statement.parent(), definition) && before(definition.lastToken(), statement.firstToken())
        && before(statement.lastToken(), use.firstToken()) && isEarlyGuard(statement, use, kind, isClean)) {
        return true;
      }
    }
    return false;
  }

  /** {@code x if valid else y}, {@code valid and x}, {@code invalid or x}, {@code if valid: x}, {@code if invalid: ... else: x}. */
  private static boolean guardsChild(Tree parent, Tree child, Name use, Kind kind, Predicate<Expression> isClean) {
    if (parent instanceof ConditionalExpression conditional) {
      return child == conditional.trueExpression() && positive(conditional.condition(), use, kind, isClean)
        || child == conditional.falseExpression() && negative(conditional.condition(), use, kind, isClean);
    }
    if (parent.is(Tree.Kind.AND) && ((BinaryExpression) parent).rightOperand() == child) {
      return positive(((BinaryExpression) parent).leftOperand(), use, kind, isClean);
    }
    if (parent.is(Tree.Kind.OR) && ((BinaryExpression) parent).rightOperand() == child) {
      return negative(((BinaryExpression) parent).leftOperand(), use, kind, isClean);
    }
    if (parent instanceof IfStatement ifStatement) {
      if (child == ifStatement.body()) {
        return positive(ifStatement.condition(), use, kind, isClean);
      }
      return child == ifStatement.elseBranch() && ifStatement.elifBranches().isEmpty() && negative(ifStatement.condition(), use, kind, isClean);
    }
    return false;
  }

  /** {@code if invalid: return/raise/...}, {@code if invalid: x = default}, {@code assert valid}. */
  private static boolean isEarlyGuard(Statement statement, Name use, Kind kind, Predicate<Expression> isClean) {
    if (statement instanceof AssertStatement assertStatement) {
      return positive(assertStatement.condition(), use, kind, isClean);
    }
    IfStatement ifStatement = (IfStatement) statement;
    if (ifStatement.isElif() || ifStatement.elseBranch() != null || !ifStatement.elifBranches().isEmpty()) {
      return false;
    }
    return (exits(ifStatement.body()) || reassigns(ifStatement.body(), use.name())) && negative(ifStatement.condition(), use, kind, isClean);
  }

  private static Token later(Token current, Token candidate) {
    return current == null || before(current, candidate) ? candidate : current;
  }

  /** True when the statement is in a block that encloses the use and comes before it. */
  private static boolean precedes(Statement statement, Name use) {
    Tree block = statement.parent();
    return block instanceof StatementList && Trees.isAncestorOrSelf(block, use) && before(statement.lastToken(), use.firstToken());
  }

  static boolean before(Token a, Token b) {
    return Trees.compareTokens(a, b) < 0;
  }

  /** The block always leaves: its last statement returns, raises, continues, breaks or calls an abort-like function. */
  private static boolean exits(StatementList body) {
    List<Statement> statements = body.statements();
    Statement last = statements.get(statements.size() - 1);
    if (last.is(Tree.Kind.RETURN_STMT, Tree.Kind.RAISE_STMT, Tree.Kind.CONTINUE_STMT, Tree.Kind.BREAK_STMT)) {
      return true;
    }
    return last instanceof ExpressionStatement expression && expression.expressions().size() == 1
      && expression.expressions().get(0) instanceof CallExpression call
      && call.calleeSymbol() != null && call.calleeSymbol().name() != null
      && List.of("abort", "exit", "_exit", "fail").contains(call.calleeSymbol().name());
  }

  private static boolean reassigns(StatementList body, String variable) {
    for (Statement statement : body.statements()) {
      if (statement instanceof AssignmentStatement assignment && assignment.lhsExpressions().stream()
        .anyMatch(l -> l.expressions().size() == 1 && l.expressions().get(0) instanceof Name n && n.name().equals(variable))) {
        return true;
      }
    }
    return false;
  }

  /** When the condition is true, the variable is valid. */
  private static boolean positive(Expression condition, Name use, Kind kind, Predicate<Expression> isClean) {
    Expression cond = resolve(condition, use);
    if (cond.is(Tree.Kind.NOT)) {
      return negative(((UnaryExpression) cond).expression(), use, kind, isClean);
    }
    if (cond.is(Tree.Kind.AND)) {
      BinaryExpression and = (BinaryExpression) cond;
      return positive(and.leftOperand(), use, kind, isClean) || positive(and.rightOperand(), use, kind, isClean);
    }
    if (cond.is(Tree.Kind.OR)) {
      BinaryExpression or = (BinaryExpression) cond;
      return positive(or.leftOperand(), use, kind, isClean) && positive(or.rightOperand(), use, kind, isClean);
    }
    if (cond instanceof InExpression in && in.notToken() == null) {
      return mention(in.leftOperand(), use) != null && isClean.test(in.rightOperand());
    }
    if (cond.is(Tree.Kind.COMPARISON) && "==".equals(((BinaryExpression) cond).operator().value())) {
      return comparesWithLiteral((BinaryExpression) cond, use, kind);
    }
    if (cond instanceof CallExpression call) {
      Name checked = mention(call, use);
      return checked != null && (InjectionSanitizers.validates(call, checked, kind) || validatesThroughHelper(call, checked, kind, isClean));
    }
    return false;
  }

  /** True when the condition, when true, proves the variable valid (a filter of a comprehension, {@code if valid(x)}). */
  static boolean validatesWhenTrue(Expression condition, Name use, Kind kind, Predicate<Expression> isClean) {
    return positive(condition, use, kind, isClean);
  }

  /**
   * A function of this module that returns a validation of one of its parameters
   * ({@code def safe_target(request, url): return url_has_allowed_host_and_scheme(url, ...)}), called with the variable.
   */
  private static boolean validatesThroughHelper(CallExpression call, Name checked, Kind kind, Predicate<Expression> isClean) {
    FunctionDef helper = ModuleFunctions.callee(call);
    if (helper == null || !EXPANDING.get().add(helper)) {
      return false;
    }
    try {
      List<ReturnStatement> returns = Trees.descendantsInSameScope(helper.body(), Tree.Kind.RETURN_STMT, ReturnStatement.class);
      if (returns.size() != 1 || returns.get(0).expressions().size() != 1 || helper.parameters() == null) {
        return false;
      }
      Expression returned = returns.get(0).expressions().get(0);
      for (Parameter parameter : helper.parameters().nonTuple()) {
        Name name = parameter.name();
        if (name != null && ModuleFunctions.argumentFor(call, helper, name).filter(a -> Trees.isAncestorOrSelf(a, checked)).isPresent()
          && positive(returned, name, kind, isClean)) {
          return true;
        }
      }
      return false;
    } finally {
      EXPANDING.get().remove(helper);
    }
  }

  /** When the condition is false, the variable is valid (a falsy value, such as an empty string, counts as valid). */
  private static boolean negative(Expression condition, Name use, Kind kind, Predicate<Expression> isClean) {
    Expression cond = resolve(condition, use);
    if (isVariable(cond, use)) {
      return true;
    }
    if (cond.is(Tree.Kind.NOT)) {
      return positive(((UnaryExpression) cond).expression(), use, kind, isClean);
    }
    if (cond.is(Tree.Kind.OR)) {
      BinaryExpression or = (BinaryExpression) cond;
      return negative(or.leftOperand(), use, kind, isClean) || negative(or.rightOperand(), use, kind, isClean);
    }
    if (cond.is(Tree.Kind.AND)) {
      BinaryExpression and = (BinaryExpression) cond;
      return negative(and.leftOperand(), use, kind, isClean) && negative(and.rightOperand(), use, kind, isClean);
    }
    if (cond instanceof InExpression in && in.notToken() != null) {
      return mention(in.leftOperand(), use) != null && isClean.test(in.rightOperand());
    }
    if (cond instanceof InExpression in && in.notToken() == null && kind == Kind.PATH && isVariable(Trees.skipParentheses(in.rightOperand()), use)) {
      // if ".." in name: reject -- no parent directory can be reached
      return Literals.stringValue(in.leftOperand()).filter(text -> text.contains("..")).isPresent();
    }
    if (cond.is(Tree.Kind.COMPARISON) && "!=".equals(((BinaryExpression) cond).operator().value())) {
      return comparesWithLiteral((BinaryExpression) cond, use, kind);
    }
    return false;
  }

  /**
   * True when the use follows a guard that leaves the function when the text occurs in the variable
   * ({@code if "'" in word: abort(400)}).
   */
  boolean rejects(Name use, String text) {
    for (Statement statement : conditions) {
      if (statement instanceof IfStatement ifStatement && precedes(statement, use) && !ifStatement.isElif() && ifStatement.elseBranch() == null
        && ifStatement.elifBranches().isEmpty() && exits(ifStatement.body()) && rejectsText(ifStatement.condition(), use, text)) {
        return true;
      }
    }
    return false;
  }

  private static boolean rejectsText(Expression condition, Name use, String text) {
    Expression cond = Trees.skipParentheses(condition);
    if (cond.is(Tree.Kind.OR)) {
      BinaryExpression or = (BinaryExpression) cond;
      return rejectsText(or.leftOperand(), use, text) || rejectsText(or.rightOperand(), use, text);
    }
    return cond instanceof InExpression in && in.notToken() == null && isVariable(Trees.skipParentheses(in.rightOperand()), use)
      && Literals.stringValue(in.leftOperand()).filter(text::equals).isPresent();
  }

  /** A condition stored in a variable ({@code ok = url_has_allowed_host_and_scheme(x); if ok: ...}): its value. */
  private static Expression resolve(Expression condition, Name use) {
    Expression cond = Trees.skipParentheses(condition);
    if (cond instanceof Name name && !name.name().equals(use.name())) {
      Optional<Expression> value = ValueResolver.singleAssignedValue(name);
      if (value.isPresent() && Trees.skipParentheses(value.get()).is(Tree.Kind.CALL_EXPR, Tree.Kind.COMPARISON, Tree.Kind.IN, Tree.Kind.NOT,
        Tree.Kind.AND, Tree.Kind.OR)) {
        return Trees.skipParentheses(value.get());
      }
    }
    return cond;
  }

  private static boolean comparesWithLiteral(BinaryExpression comparison, Name use, Kind kind) {
    Expression left = Trees.skipParentheses(comparison.leftOperand());
    Expression right = Trees.skipParentheses(comparison.rightOperand());
    return isChecked(left, use, kind) && Literals.stringValue(right).isPresent() || isChecked(right, use, kind) && Literals.stringValue(left).isPresent();
  }

  /** The variable, or for URLs its host ({@code urlparse(url).netloc == "example.com"} fixes where a redirect goes). */
  private static boolean isChecked(Expression expression, Name use, Kind kind) {
    return isVariable(expression, use) || (kind == Kind.REDIRECT || kind == Kind.SSRF) && expression instanceof QualifiedExpression host
      && URL_HOST_FIELDS.contains(host.name().name()) && mention(host.qualifier(), use) != null;
  }

  private static boolean isVariable(Expression expression, Name use) {
    return expression instanceof Name name && name.name().equals(use.name());
  }

  /**
   * The occurrence of the variable in the expression: the variable itself, or a variable whose single assigned value
   * is computed from it ({@code parsed = urlparse(url)}); null if none.
   */
  private static Name mention(Expression expression, Name use) {
    Name[] found = {null};
    Trees.walk(expression, t -> found[0] == null && !t.is(Tree.Kind.LAMBDA), t -> {
      if (found[0] == null && t instanceof Name name && !(t.parent() instanceof org.sonar.plugins.python.api.tree.QualifiedExpression q && q.name() == t)) {
        if (name.name().equals(use.name())) {
          found[0] = name;
        } else {
          ValueResolver.singleAssignedValue(name).ifPresent(value -> Trees.walk(value, v -> found[0] == null, v -> {
            if (v instanceof Name inner && inner.name().equals(use.name())) {
              found[0] = name;
            }
          }));
        }
      }
    });
    return found[0];
  }
}
