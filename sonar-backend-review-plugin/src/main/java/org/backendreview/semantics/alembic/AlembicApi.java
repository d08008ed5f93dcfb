/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.alembic;

import java.util.Optional;
import org.backendreview.tree.Api;
import org.backendreview.tree.Fqns;
import org.sonar.plugins.python.api.tree.CallExpression;

/** The API names of Alembic (and the SQLAlchemy schema names its revisions use), declared once with their aliases. */
public final class AlembicApi {

  /** The {@code op} proxy of a revision; its functions are {@code alembic.op.<name>}. */
  public static final String OP_MODULE = "alembic.op";
  public static final Api BATCH_ALTER_TABLE = Api.of("alembic.op.batch_alter_table");
  public static final Api GET_CONTEXT = Api.of("alembic.op.get_context", "alembic.context.get_context");
  /** {@code from alembic import context}: the migration context of {@code env.py}, also usable in a revision. */
  public static final Api CONTEXT = Api.of("alembic.context");
  public static final Api COLUMN = Api.of("sqlalchemy.Column", "sqlalchemy.schema.Column", "sqlalchemy.sql.schema.Column",
    "sqlalchemy.sql.Column", "sqlmodel.Column");
  /** The module whose import shows a revision is written for PostgreSQL. */
  public static final String POSTGRESQL_DIALECT_MODULE = "sqlalchemy.dialects.postgresql";

  private static final String SQLALCHEMY_PACKAGE = "sqlalchemy.";

  private AlembicApi() {
  }

  /** Whether the FQN names something of SQLAlchemy (a column type of {@code sqlalchemy.types}, a dialect's type...). */
  public static boolean isSqlAlchemyName(String fqn) {
    return fqn.startsWith(SQLALCHEMY_PACKAGE);
  }

  /** The name of the {@code alembic.op} function this call calls ({@code op.add_column(...)} gives {@code add_column}). */
  public static Optional<String> opFunction(CallExpression call) {
    return Fqns.ofCallee(call)
      .filter(fqn -> fqn.startsWith(OP_MODULE + ".") && fqn.indexOf('.', OP_MODULE.length() + 1) < 0)
      .map(fqn -> fqn.substring(OP_MODULE.length() + 1));
  }
}
