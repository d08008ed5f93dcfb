/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.django.DjangoModels.InstanceOrigin;
import org.backendreview.semantics.django.RowLocks;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.CompoundAssignmentStatement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * {@code obj.counter += n; obj.save()} on a Django model instance read without a row lock. Two requests that
 * run it concurrently both read the old value and the second save overwrites the first: one update is lost. An instance
 * the function received ({@code self} of a model method, an annotated parameter) was read by a caller: silent when the
 * module locks rows for its callers ({@link RowLocks}).
 */
@Rule(key = "ReadModifyWriteWithoutF")
public class ReadModifyWriteWithoutFCheck extends BackendReviewCheck {

  private static final Set<String> NUMERIC_FIELDS = Set.of("IntegerField", "BigIntegerField", "SmallIntegerField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "PositiveBigIntegerField", "FloatField", "DecimalField", "DurationField");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.COMPOUND_ASSIGNMENT, ReadModifyWriteWithoutFCheck::checkCompound);
    context.registerSyntaxNodeConsumer(Tree.Kind.ASSIGNMENT_STMT, ReadModifyWriteWithoutFCheck::checkAssignment);
  }

  private static void checkCompound(SubscriptionContext ctx) {
    CompoundAssignmentStatement statement = (CompoundAssignmentStatement) ctx.syntaxNode();
    String operator = statement.compoundAssignmentToken().value();
    if (("+=".equals(operator) || "-=".equals(operator)) && isNumericLooking(statement.rhsExpression())
      && statement.lhsExpression() instanceof QualifiedExpression field) {
      check(ctx, statement, field);
    }
  }

  /** {@code obj.f = obj.f + n} and {@code obj.f = n + obj.f} (also with {@code -}). */
  private static void checkAssignment(SubscriptionContext ctx) {
    AssignmentStatement statement = (AssignmentStatement) ctx.syntaxNode();
    if (statement.lhsExpressions().size() != 1 || statement.lhsExpressions().get(0).expressions().size() != 1
      || !(statement.lhsExpressions().get(0).expressions().get(0) instanceof QualifiedExpression field)) {
      return;
    }
    Expression value = Trees.skipParentheses(statement.assignedValue());
    if (!value.is(Tree.Kind.PLUS, Tree.Kind.MINUS)) {
      return;
    }
    BinaryExpression binary = (BinaryExpression) value;
    Expression left = Trees.skipParentheses(binary.leftOperand());
    Expression right = Trees.skipParentheses(binary.rightOperand());
    boolean readsSameField = sameField(left, field) && isNumericLooking(right) || value.is(Tree.Kind.PLUS) && sameField(right, field) && isNumericLooking(left);
    if (readsSameField) {
      check(ctx, statement, field);
    }
  }

  private static void check(SubscriptionContext ctx, Statement statement, QualifiedExpression field) {
    if (!(field.qualifier() instanceof Name instance)) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(statement);
    if (function == null) {
      return;
    }
    Optional<InstanceOrigin> origin = DjangoModels.instanceOrigin(instance, ctx);
    if (origin.isEmpty() || origin.get().locked() || isFreshlyCreated(origin.get())) {
      return;
    }
    if (isKnownNonNumericField(origin.get(), field.name().name(), statement)) {
      return;
    }
    if (origin.get().origin() instanceof Parameter && RowLocks.takenByCaller(function, ctx)) {
      // the caller read the row, and this module locks rows for its callers
      return;
    }
    Optional<CallExpression> save = saveAfter(function, instance, statement.lastToken());
    if (save.isEmpty()) {
      return;
    }
    String fieldName = field.name().name();
    ctx.addIssue(statement, "Update \"" + fieldName + "\" in the database with F(\"" + fieldName + "\") or lock the row with "
      + "select_for_update(): this read-modify-write loses concurrent updates.")
      .secondary(origin.get().origin(), "Instance read without a row lock")
      .secondary(save.get(), "Old value plus the change written back");
  }

  /** True when the model is defined in this file and declares the field with a non-numeric field class. */
  private static boolean isKnownNonNumericField(InstanceOrigin origin, String field, Tree statement) {
    if (origin.model() == null) {
      return false;
    }
    FileInput file = (FileInput) Trees.firstAncestor(statement, Tree.Kind.FILE_INPUT);
    return file != null && DjangoModels.fieldClassInFile(origin.model(), field, file)
      .map(fqn -> !NUMERIC_FIELDS.contains(fqn.substring(fqn.lastIndexOf('.') + 1)))
      .orElse(false);
  }

  private static boolean isFreshlyCreated(InstanceOrigin origin) {
    return origin.origin() instanceof CallExpression call && DjangoModels.managerMethod(call).filter("create"::equals).isPresent();
  }

  /** {@code instance.save(...)} after the given token in the same function body. */
  private static Optional<CallExpression> saveAfter(FunctionDef function, Name instance, Token after) {
    for (CallExpression call : Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      Token start = call.firstToken();
      boolean isAfter = start.line() > after.line() || start.line() == after.line() && start.column() > after.column();
      if (isAfter && Fqns.calleeName(call).filter("save"::equals).isPresent()
        && Fqns.receiver(call).filter(r -> r instanceof Name n && n.name().equals(instance.name())).isPresent()) {
        return Optional.of(call);
      }
    }
    return Optional.empty();
  }

  private static boolean sameField(Expression expression, QualifiedExpression field) {
    return expression instanceof QualifiedExpression other
      && other.name().name().equals(field.name().name())
      && other.qualifier() instanceof Name otherName
      && field.qualifier() instanceof Name fieldName
      && otherName.name().equals(fieldName.name());
  }

  /** Anything but string, bytes and container literals (text or list concatenation is not a counter update). */
  private static boolean isNumericLooking(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    return !expr.is(Tree.Kind.STRING_LITERAL, Tree.Kind.LIST_LITERAL, Tree.Kind.TUPLE, Tree.Kind.DICTIONARY_LITERAL, Tree.Kind.SET_LITERAL,
      Tree.Kind.LIST_COMPREHENSION) && !Literals.isNone(expr);
  }
}
