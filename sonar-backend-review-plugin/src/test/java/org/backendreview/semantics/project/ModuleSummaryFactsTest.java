/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.Parser;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleSummaryFactsTest {

  private static ModuleSummary summary(String code) {
    return ModuleSummary.of(new Parser().parse(code), "mod.py");
  }

  @Test
  void yielded_calls_follow_local_bindings_and_with_items() {
    ModuleSummary module = summary("""
      def scope():
          session = SessionLocal()
          yield session

      def engine_scope():
          with Session(engine) as s:
              yield s

      def direct():
          yield factory.make()

      def plain():
          x = 3
          yield x
          yield from other()
      """);
    assertThat(module.yieldedCalls("scope")).containsExactly("SessionLocal");
    assertThat(module.yieldedCalls("engine_scope")).containsExactly("Session");
    assertThat(module.yieldedCalls("direct")).containsExactly("factory.make");
    assertThat(module.yieldedCalls("plain")).isEmpty();
    assertThat(module.yieldedCalls("unknown")).isEmpty();
  }

  @Test
  void lazy_globals_without_a_lock() {
    ModuleSummary module = summary("""
      def get_backend():
          global _backend
          if _backend is None:
              _backend = Backend()
          return _backend

      def get_client():
          global _client
          if not _client:
              _client = make_client()
          return _client

      def locked():
          global _x
          if _x is None:
              with _lock:
                  if _x is None:
                      _x = X()
          return _x

      def literal():
          global _cache
          if _cache is None:
              _cache = {}
          return _cache

      def local():
          y = None
          if y is None:
              y = Y()
          return y

      async def on_the_loop():
          global _backend
          if _backend is None:
              _backend = Backend()
      """);
    assertThat(module.lazyGlobal("get_backend")).get().extracting(ModuleSummary.LazyGlobal::name).isEqualTo("_backend");
    assertThat(module.lazyGlobal("get_backend").get().check().line()).isEqualTo(3);
    assertThat(module.lazyGlobal("get_client")).isPresent();
    assertThat(module.lazyGlobal("locked")).isEmpty();
    assertThat(module.lazyGlobal("literal")).isEmpty();
    assertThat(module.lazyGlobal("local")).isEmpty();
    assertThat(module.lazyGlobal("on_the_loop")).isEmpty();
  }
}
