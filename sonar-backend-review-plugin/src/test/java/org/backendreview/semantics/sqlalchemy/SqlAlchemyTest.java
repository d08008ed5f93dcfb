/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.sqlalchemy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backendreview.testing.Analysis;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.ValueResolver;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class SqlAlchemyTest {

  @Test
  void session_kinds_of_receivers() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("app/__init__.py", "");
    files.put("app/db.py", """
      from sqlalchemy.orm import sessionmaker
      SessionLocal = sessionmaker()
      """);
    files.put("app/views.py", """
      from typing import Annotated
      from fastapi import Depends
      from flask_sqlalchemy import SQLAlchemy
      from sqlalchemy.orm import Session, sessionmaker, scoped_session
      from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
      from app.db import SessionLocal
      from app import extensions

      Local = sessionmaker()
      AsyncLocal = async_sessionmaker()
      AsyncBySessionmaker = sessionmaker(engine, AsyncSession, expire_on_commit=False)
      AsyncByKeyword = sessionmaker(class_=AsyncSession)
      SyncByKeyword = sessionmaker(class_=Session)
      registry = scoped_session(Local)
      db = SQLAlchemy()

      def f(typed: Session, atyped: AsyncSession, ann: Annotated[Session, Depends()], untyped, factory):
          a = Local()
          b = AsyncLocal()
          c = SessionLocal()
          d = Session(bind=None)
          e = factory()
          h = AsyncBySessionmaker()
          i = AsyncByKeyword()
          j = SyncByKeyword()
          with Local.begin() as g:
              pass
          typed.commit()
          atyped.commit()
          ann.commit()
          untyped.commit()
          a.commit()
          b.commit()
          c.commit()
          d.commit()
          e.commit()
          h.commit()
          i.commit()
          j.commit()
          g.commit()
          registry.commit()
          db.session.commit()
          extensions.session.commit()
      """);
    List<String> kinds = new ArrayList<>();
    Analysis.onEach(files, "app/views.py", Tree.Kind.CALL_EXPR, (tree, ctx) -> {
      CallExpression call = (CallExpression) tree;
      if (Fqns.calleeName(call).filter("commit"::equals).isPresent()) {
        kinds.add(Fqns.receiver(call).map(r -> r.firstToken().value()).orElse("?") + "="
          + SqlAlchemy.sessionMethodReceiver(call, new ValueResolver(), ctx).map(Enum::name).orElse("-"));
      }
    });
    assertThat(kinds).containsExactly("typed=SYNC", "atyped=ASYNC", "ann=SYNC", "untyped=-", "a=SYNC", "b=ASYNC", "c=SYNC", "d=SYNC", "e=-",
      "h=ASYNC", "i=ASYNC", "j=SYNC", "g=SYNC", "registry=SCOPED", "db=SCOPED", "extensions=-");
  }

  @Test
  void engines_and_dialects() {
    List<String> seen = new ArrayList<>();
    Analysis.onEach("m.py", """
      import sqlalchemy
      from sqlalchemy import create_engine
      from sqlalchemy.engine import URL, make_url
      from sqlalchemy.ext.asyncio import create_async_engine
      create_engine("postgresql+psycopg2://u@h/db")
      create_async_engine("sqlite+aiosqlite:///x.db")
      sqlalchemy.create_engine(URL.create("mysql+pymysql", host="h"))
      create_engine(make_url("mssql+pyodbc://dsn"))
      create_engine(f"postgres://{user}@{host}/db")
      create_engine(settings.URL)
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        SqlAlchemy.engineCreation(call).ifPresent(async -> seen.add((async ? "async " : "sync ")
          + Arguments.value(call, 0, "url").flatMap(SqlAlchemy::dialect).orElse("?")));
      });
    assertThat(seen).containsExactly("sync postgresql", "async sqlite", "sync mysql", "sync mssql", "sync postgres", "sync ?");
    assertThat(SqlAlchemy.isServerDialect("postgresql")).isTrue();
    assertThat(SqlAlchemy.isServerDialect("sqlite")).isFalse();
  }

  @Test
  void imported_factories_by_conventional_name_only() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("m.py", """
      from app.database import SessionLocal, async_session, AsyncSessionLocal, session_factory, get_session, Session
      from sqlalchemy.orm import sessionmaker as sm
      SessionLocal()
      async_session()
      AsyncSessionLocal()
      session_factory()
      get_session()
      Session()
      sm()
      """);
    List<String> kinds = new ArrayList<>();
    Analysis.onEach(files, "m.py", Tree.Kind.CALL_EXPR, (tree, ctx) -> kinds.add(
      SqlAlchemy.sessionCreation((CallExpression) tree, new ValueResolver(), ctx).map(Enum::name).orElse("-")));
    assertThat(kinds).containsExactly("SYNC", "ASYNC", "ASYNC", "SYNC", "-", "-", "-");
  }
}
