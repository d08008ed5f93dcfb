/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoModelNames;
import org.backendreview.semantics.django.DjangoModels;
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
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * An integer or UUID field named {@code <x>_id} on a managed Django model, where
 * {@code <x>} names another model the module knows (defines, imports, or references in a relation): the column holds a
 * reference the database never checks. Fields named by a {@code GenericForeignKey} ({@code object_id}), primary keys,
 * a model's own name or the name of a class it extends ({@code Job.job_id}, {@code APNSDevice(Device).device_id}: its own
 * identifier, usually an external one) and unmanaged models are left alone.
 */
@Rule(key = "IdFieldInsteadOfForeignKey")
public class IdFieldInsteadOfForeignKeyCheck extends BackendReviewCheck {

  private static final Set<String> ID_FIELDS = Set.of("IntegerField", "BigIntegerField", "SmallIntegerField", "PositiveIntegerField",
    "PositiveBigIntegerField", "PositiveSmallIntegerField", "UUIDField");
  private static final String SUFFIX = "_id";

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CLASSDEF, IdFieldInsteadOfForeignKeyCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    ClassDef model = (ClassDef) ctx.syntaxNode();
    if (!DjangoModels.isModelClassDef(model) || DjangoModelNames.isUnmanaged(model)
      || !(Trees.firstAncestor(model, Tree.Kind.FILE_INPUT) instanceof FileInput file)) {
      return;
    }
    Set<String> genericKeys = genericForeignKeyFields(model);
    for (Statement statement : model.body().statements()) {
      if (!(statement instanceof AssignmentStatement assignment) || assignment.lhsExpressions().size() != 1
        || assignment.lhsExpressions().get(0).expressions().size() != 1
        || !(assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name field)
        || !(assignment.assignedValue() instanceof CallExpression call)) {
        continue;
      }
      String name = field.name();
      if (!name.endsWith(SUFFIX) || name.length() == SUFFIX.length() || genericKeys.contains(name) || !isIdField(call)
        || Arguments.keyword(call, "primary_key").flatMap(a -> Literals.booleanValue(a.expression())).orElse(false)) {
        continue;
      }
      String target = DjangoModelNames.normalize(name.substring(0, name.length() - SUFFIX.length()));
      if (target.equals(DjangoModelNames.normalize(model.name().name())) || baseNames(model).contains(target)) {
        // Job.job_id, APNSDevice(Device).device_id: the model's own identifier (usually an external one), not a reference
        continue;
      }
      Optional<String> known = DjangoModelNames.known(file, target);
      if (known.isPresent()) {
        String relation = name.substring(0, name.length() - SUFFIX.length());
        ctx.addIssue(field, "Declare \"" + relation + " = models.ForeignKey(" + known.get() + ", on_delete=...)\" instead of the plain \""
          + name + "\" column: the database does not check that the " + known.get() + " row exists.");
      }
    }
  }

  /** The normalized names of the classes the model extends, as written in its bases. */
  private static Set<String> baseNames(ClassDef model) {
    Set<String> names = new HashSet<>();
    if (model.args() != null) {
      for (var argument : model.args().arguments()) {
        if (argument instanceof RegularArgument regular && regular.keywordArgument() == null) {
          Expression base = regular.expression();
          String name = base instanceof Name n ? n.name() : base instanceof QualifiedExpression q ? q.name().name() : null;
          if (name != null) {
            names.add(DjangoModelNames.normalize(name));
          }
        }
      }
    }
    return names;
  }

  private static boolean isIdField(CallExpression call) {
    return Fqns.ofCallee(call)
      .filter(fqn -> fqn.startsWith("django.db.models.") && ID_FIELDS.contains(fqn.substring(fqn.lastIndexOf('.') + 1)))
      .isPresent();
  }

  /** The id columns of the model's {@code GenericForeignKey}s ({@code object_id} by default). */
  private static Set<String> genericForeignKeyFields(ClassDef model) {
    Set<String> fields = new HashSet<>();
    for (Statement statement : model.body().statements()) {
      if (statement instanceof AssignmentStatement assignment && assignment.assignedValue() instanceof CallExpression call
        && Fqns.calleeName(call).filter("GenericForeignKey"::equals).isPresent()) {
        fields.add(Arguments.value(call, 1, "fk_field").flatMap(Literals::stringValue).orElse("object_id"));
      }
    }
    return fields;
  }
}
