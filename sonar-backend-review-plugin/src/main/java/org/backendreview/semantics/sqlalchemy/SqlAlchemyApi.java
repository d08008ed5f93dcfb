/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.sqlalchemy;

import org.backendreview.tree.Api;

/** The API names of SQLAlchemy and SQLModel, declared once with their aliases. */
public final class SqlAlchemyApi {

  public static final Api SESSION = Api.of("sqlalchemy.orm.Session", "sqlalchemy.orm.session.Session", "sqlmodel.Session",
    "sqlmodel.orm.session.Session");
  public static final Api ASYNC_SESSION = Api.of("sqlalchemy.ext.asyncio.AsyncSession", "sqlalchemy.ext.asyncio.session.AsyncSession",
    "sqlmodel.ext.asyncio.session.AsyncSession");
  public static final Api SESSIONMAKER = Api.of("sqlalchemy.orm.sessionmaker", "sqlalchemy.orm.session.sessionmaker");
  public static final Api ASYNC_SESSIONMAKER = Api.of("sqlalchemy.ext.asyncio.async_sessionmaker",
    "sqlalchemy.ext.asyncio.session.async_sessionmaker");
  public static final Api SCOPED_SESSION = Api.of("sqlalchemy.orm.scoped_session", "sqlalchemy.orm.scoping.scoped_session");
  public static final Api ASYNC_SCOPED_SESSION = Api.of("sqlalchemy.ext.asyncio.async_scoped_session",
    "sqlalchemy.ext.asyncio.scoping.async_scoped_session");
  public static final Api CREATE_ENGINE = Api.of("sqlalchemy.create_engine", "sqlalchemy.engine.create_engine",
    "sqlalchemy.engine.create.create_engine", "sqlmodel.create_engine", "sqlmodel.main.create_engine");
  public static final Api CREATE_ASYNC_ENGINE = Api.of("sqlalchemy.ext.asyncio.create_async_engine",
    "sqlalchemy.ext.asyncio.engine.create_async_engine");
  /** {@code engine_from_config()}, which builds an engine from a configuration dictionary. */
  public static final String ENGINE_FROM_CONFIG = "sqlalchemy.engine_from_config";
  public static final Api ENGINE = Api.of("sqlalchemy.engine.base.Engine", "sqlalchemy.engine.Engine", "sqlalchemy.Engine");
  public static final Api ASYNC_ENGINE = Api.of("sqlalchemy.ext.asyncio.engine.AsyncEngine", "sqlalchemy.ext.asyncio.AsyncEngine");
  public static final Api CONNECTION = Api.of("sqlalchemy.engine.base.Connection", "sqlalchemy.engine.Connection", "sqlalchemy.Connection");
  /** The DML statement constructors {@code insert()}, {@code update()}, {@code delete()}. */
  public static final Api DML_CONSTRUCTORS = Api.of("sqlalchemy.insert", "sqlalchemy.update", "sqlalchemy.delete",
    "sqlalchemy.sql.expression.insert", "sqlalchemy.sql.expression.update", "sqlalchemy.sql.expression.delete", "sqlalchemy.sql.dml.insert",
    "sqlalchemy.sql.dml.update", "sqlalchemy.sql.dml.delete", "sqlmodel.insert", "sqlmodel.update", "sqlmodel.delete");
  public static final Api TABLE = Api.of("sqlalchemy.Table", "sqlalchemy.schema.Table", "sqlalchemy.sql.schema.Table");

  private SqlAlchemyApi() {
  }
}
