/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.Optional;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.django.DjangoModelNames;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.tree.Api;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A {@code ForeignKey}/{@code OneToOneField} of a managed model declared with
 * {@code on_delete=DO_NOTHING} or {@code db_constraint=False}: the database no longer guarantees that the referenced row
 * exists. Unmanaged models ({@code Meta.managed = False}) describe tables Django does not own and are left alone.
 */
@Rule(key = "RelationWithoutIntegrity")
public class RelationWithoutIntegrityCheck extends BackendReviewCheck {

  private static final Api RELATIONS = Api.anyOf(DjangoApi.FOREIGN_KEY, DjangoApi.ONE_TO_ONE_FIELD);

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, RelationWithoutIntegrityCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (Fqns.ofCallee(call).filter(RELATIONS::contains).isEmpty() || !(call.parent() instanceof AssignmentStatement assignment)
      || assignment.lhsExpressions().size() != 1 || assignment.lhsExpressions().get(0).expressions().size() != 1
      || !(assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name field)) {
      return;
    }
    ClassDef model = Trees.enclosingClass(call);
    if (model == null || !DjangoModels.isModelClassDef(model) || DjangoModelNames.isUnmanaged(model)) {
      return;
    }
    Optional<RegularArgument> constraint = Arguments.keyword(call, "db_constraint");
    if (constraint.isPresent() && Literals.booleanValue(constraint.get().expression()).filter(b -> !b).isPresent()) {
      ctx.addIssue(constraint.get(), "Remove db_constraint=False from \"" + field.name()
        + "\": without a foreign key constraint the database keeps rows that point to deleted or missing ones.");
      return;
    }
    Optional<Expression> onDelete = Arguments.value(call, 1, "on_delete");
    if (onDelete.isPresent() && Fqns.of(onDelete.get()).filter(DjangoApi.DO_NOTHING::contains).isPresent()) {
      ctx.addIssue(onDelete.get(), "Choose CASCADE, PROTECT or SET_NULL for \"" + field.name()
        + "\" instead of DO_NOTHING: deleting the referenced row then fails on the constraint or leaves this one dangling.");
    }
  }
}
