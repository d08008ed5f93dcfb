/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.django.RelationAccesses.Access;
import org.backendreview.semantics.django.RelationAccesses.Kind;
import org.backendreview.tree.TextEdits;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;

/**
 * In a loop over a queryset, reading a foreign key or one-to-one relation of each item without
 * {@code select_related()} runs one query per item (N+1). {@code item.fk.id} is reported with {@code item.fk_id} as
 * the fix.
 */
@Rule(key = "MissingSelectRelated")
public class MissingSelectRelatedCheck extends QuerySetLoopCheck {

  @Override
  boolean report(SubscriptionContext ctx, DjangoQuerySets.Loop loop, QualifiedExpression read, Access access) {
    if ((access.kind() != Kind.FORWARD && access.kind() != Kind.FORWARD_PK) || loop.querySet().loads(access.relation())) {
      return false;
    }
    String item = loop.item().name();
    String relation = access.relation();
    if (access.kind() == Kind.FORWARD_PK && read.parent() instanceof QualifiedExpression pkRead) {
      String replacement = item + "." + relation + "_id";
      ctx.addIssue(pkRead, "Read \"" + replacement + "\" instead: \"" + item + "." + relation + "." + pkRead.name().name()
        + "\" loads the related row once per item.")
        .secondary(querySetLocation(loop.querySet()), "Queryset iterated here")
        .addQuickFix(PythonQuickFix.newQuickFix("Replace with \"" + replacement + "\"", TextEdits.replace(pkRead, replacement)));
      return true;
    }
    if (!(read.qualifier() instanceof Name)) {
      return false;
    }
    PreciseIssue issue = ctx.addIssue(read, "Add select_related(\"" + relation + "\") to this queryset: reading \"" + item + "." + relation
      + "\" here runs one query per item.")
      .secondary(querySetLocation(loop.querySet()), "Queryset without select_related(\"" + relation + "\")");
    chain(loop.querySet(), "select_related(\"" + relation + "\")").ifPresent(issue::addQuickFix);
    return true;
  }
}
