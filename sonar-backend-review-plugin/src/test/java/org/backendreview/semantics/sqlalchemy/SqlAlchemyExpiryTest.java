/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.sqlalchemy;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.testing.Analysis;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.ValueResolver;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class SqlAlchemyExpiryTest {

  @Test
  void expire_on_commit_of_sessions() {
    String code = """
      from sqlalchemy.orm import sessionmaker, Session
      from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
      from app.db import SessionLocal

      Default = async_sessionmaker()
      Kept = async_sessionmaker(expire_on_commit=False)
      Configured = sessionmaker(expire_on_commit=flag)
      Sync = sessionmaker(None, Session, True, False)

      def f(param, flag):
          a = Default()
          b = Kept()
          c = Default(expire_on_commit=False)
          d = AsyncSession(None)
          e = AsyncSession(None, expire_on_commit=False)
          g = Configured()
          h = SessionLocal()
          i = Sync()
          j = Default(**options)
          a.commit()
          b.commit()
          c.commit()
          d.commit()
          e.commit()
          g.commit()
          h.commit()
          i.commit()
          j.commit()
          param.commit()
      """;
    List<String> results = new ArrayList<>();
    ValueResolver resolver = new ValueResolver();
    Analysis.onEach("app/views.py", code, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
      CallExpression call = (CallExpression) tree;
      if (Fqns.calleeName(call).filter("commit"::equals).isPresent()) {
        results.add(SqlAlchemyExpiry.expiresOnCommit(Fqns.receiver(call).get(), resolver, ctx).map(String::valueOf).orElse("?"));
      }
    });
    assertThat(results).containsExactly("true", "false", "false", "true", "false", "?", "?", "?", "?", "?");
  }
}
