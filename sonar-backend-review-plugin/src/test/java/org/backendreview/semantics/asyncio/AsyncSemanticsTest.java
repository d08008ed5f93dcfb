/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.asyncio;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backendreview.semantics.http.ClientObjects;
import org.backendreview.testing.Analysis;
import org.backendreview.tree.SourceText;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

/** ClientObjects, BlockingCalls, AwaitableCalls and AsyncContext on one realistic module. */
class AsyncSemanticsTest {

  private static final String CODE = """
    import asyncio, psycopg2, redis, httpx, bcrypt
    from fastapi import Depends, Request
    from passlib.context import CryptContext
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session, sessionmaker
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    engine = create_engine("x")
    SessionLocal = sessionmaker(bind=engine)
    AsyncLocal = async_sessionmaker(engine)
    cache = redis.Redis()
    pwd = CryptContext(schemes=["bcrypt"])

    def helper(db: Session):
        return db.query(User).all()

    def outer(db):
        return helper(db)

    class Repo:
        def __init__(self, session: AsyncSession):
            self.session = session

        async def save(self):
            self.session.commit()

    async def handler(request: Request, db: Session = Depends()):
        db.query(User)
        cache.get("k")
        engine.connect()
        conn = psycopg2.connect("x")
        conn.cursor().execute("q")
        with SessionLocal() as s:
            s.commit()
        async with AsyncLocal() as a:
            a.commit()
        request.json()
        pwd.verify("a", "b")
        bcrypt.checkpw(b"a", b"b")
        outer(db)
        await asyncio.to_thread(helper, db)
        await asyncio.to_thread(lambda: db.query(User))
    """;

  private static Map<String, String> describe() {
    Map<String, String> result = new LinkedHashMap<>();
    Analysis.onEach("app.py", CODE, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
      CallExpression call = (CallExpression) tree;
      String text = SourceText.call(call) + "@" + call.firstToken().line();
      StringBuilder facts = new StringBuilder();
      BlockingCalls.of(call).ifPresent(b -> facts.append("blocking[").append(b.api()).append("] "));
      AwaitableCalls.of(call).ifPresent(a -> facts.append("awaitable "));
      BlockingCalls.passwordHashing(call).ifPresent(p -> facts.append("hashing "));
      AsyncContext.sameModuleSyncCallee(call).ifPresent(f -> facts.append("helper:").append(f.name().name()).append(' '));
      if (AsyncContext.isInsideOffloadedArgument(call)) {
        facts.append("offloaded ");
      }
      if (AsyncContext.enclosingCoroutine(call) != null) {
        facts.append("on-loop");
      }
      result.put(text, facts.toString().trim());
    });
    return result;
  }

  @Test
  void clients_are_recognised_by_type_and_origin() {
    Map<String, String> facts = describe();
    assertThat(facts)
      .containsEntry("db.query()@28", "blocking[the synchronous SQLAlchemy Session] on-loop")
      .containsEntry("cache.get()@29", "blocking[the synchronous redis.Redis client] on-loop")
      .containsEntry("engine.connect()@30", "blocking[the synchronous SQLAlchemy Engine] on-loop")
      .containsEntry("psycopg2.connect()@31", "blocking[psycopg2.connect()] on-loop")
      .containsEntry("conn.cursor().execute()@32", "blocking[a synchronous DB-API cursor] on-loop")
      .containsEntry("s.commit()@34", "blocking[the synchronous SQLAlchemy Session] on-loop")
      .containsEntry("a.commit()@36", "awaitable on-loop")
      .containsEntry("self.session.commit()@25", "awaitable on-loop")
      .containsEntry("request.json()@37", "awaitable on-loop")
      .containsEntry("pwd.verify()@38", "hashing on-loop")
      .containsEntry("bcrypt.checkpw()@39", "hashing on-loop")
      .containsEntry("outer()@40", "helper:outer on-loop")
      .containsEntry("db.query()@42", "blocking[the synchronous SQLAlchemy Session] offloaded")
      .containsEntry("db.query()@15", "blocking[the synchronous SQLAlchemy Session]");
  }

  @Test
  void helpers_are_followed_transitively() {
    Map<String, String> reached = new LinkedHashMap<>();
    Analysis.onEach("app.py", CODE, Tree.Kind.FILE_INPUT, (tree, ctx) -> {
      AsyncContext.Helpers<String> helpers = new AsyncContext.Helpers<>(c -> BlockingCalls.of(c).map(b -> SourceText.call(c)));
      for (var coroutine : AsyncContext.coroutines(org.backendreview.semantics.project.AnalysisContext.of(ctx))) {
        for (CallExpression call : org.backendreview.tree.Trees.descendantsInSameScope(coroutine.body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
          helpers.reach(call).ifPresent(path -> reached.put(SourceText.call(call), path.calls().stream().map(SourceText::call).toList().toString()));
        }
      }
    });
    assertThat(reached).containsExactly(Map.entry("outer()", "[outer(), helper(), db.query()]"));
  }
}
