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
  void typed_fields_and_parameters() {
    ModuleSummary module = summary("""
      class Order(BaseModel):
          lines: list["OrderLine"] | None = Field(default=None, max_length=3)
          shipping: schemas.Address
          note = "x"

      @router.post("/orders")
      async def create(order: Order, db: Session = Depends(get_db), q=None):
          pass
      """);
    assertThat(module.fieldTypes("Order")).extracting(ModuleSummary.TypedMember::name).containsExactly("lines", "shipping");
    assertThat(module.fieldTypes("Order").get(0).typeNames()).containsExactly("list", "OrderLine");
    assertThat(module.fieldTypes("Order").get(0).defaultCallee()).isEqualTo("Field");
    assertThat(module.fieldTypes("Order").get(1).typeNames()).containsExactly("schemas.Address");
    assertThat(module.parameterTypes("create")).extracting(ModuleSummary.TypedMember::name).containsExactly("order", "db");
    assertThat(module.parameterTypes("create").get(1).defaultCallee()).isEqualTo("Depends");
    assertThat(module.fieldTypes("Unknown")).isEmpty();
    assertThat(module.parameterTypes("unknown")).isEmpty();
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
  void lazy_globals_without_a_lock() throws java.io.IOException {
    ModuleSummary fixture = summary(java.nio.file.Files.readString(
      java.nio.file.Path.of("src/test/resources/checks/asynchronous/threadedSingletons/app/sse_backend.py")));
    assertThat(fixture.lazyGlobal("get_sse_backend")).get().extracting(ModuleSummary.LazyGlobal::name).isEqualTo("_backend");
    assertThat(fixture.lazyGlobal("get_sse_backend").get().check().line()).isEqualTo(16);
    assertThat(fixture.lazyGlobal("get_client")).isPresent();
    assertThat(fixture.lazyGlobal("get_locked_backend")).isEmpty();
    assertThat(fixture.lazyGlobal("get_cached_backend")).isEmpty();
    assertThat(fixture.lazyGlobal("aget_backend")).isEmpty();
    ModuleSummary module = summary("""
      def literal():
          global _cache
          if _cache is None: _cache = {}
          return _cache

      def local():
          y = None
          if y is None: y = Y()
          return y
      """);
    assertThat(module.lazyGlobal("literal")).isEmpty();
    assertThat(module.lazyGlobal("local")).isEmpty();
  }
}
