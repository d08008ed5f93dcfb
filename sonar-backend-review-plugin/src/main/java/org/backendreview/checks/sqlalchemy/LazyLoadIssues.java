/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import org.backendreview.semantics.sqlalchemy.SqlAlchemyRelationships.EntityLoad;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyRelationships.Relationship;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.QualifiedExpression;

/** The issue of the lazy-loading rules: at the relationship read, with the query and (same file) the declaration. */
final class LazyLoadIssues {

  private LazyLoadIssues() {
  }

  /** {@code consequence} completes "Load ... on the query: "; {@code %s} in it are the entity, then the relationship. */
  static void report(SubscriptionContext ctx, QualifiedExpression read, Relationship relationship, EntityLoad load, String consequence,
    String queryMessage) {
    String entity = load.entity().name();
    String name = relationship.name();
    var issue = ctx.addIssue(read, String.format("Load \"%s\" eagerly with \".options(selectinload(%s.%s))\" on the query: ", name, entity, name)
      + String.format(consequence, entity, name))
      .secondary(load.query(), queryMessage + " without eager loading of \"" + name + "\"");
    if (relationship.fileId().equals(ctx.pythonFile().key())) {
      issue.secondary(relationship.declaration().toLocation(ctx.pythonFile().key()), "Lazy relationship");
    }
  }
}
