/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class FastApiAuthTest {

  @Test
  void authentication_dependencies_of_routes() {
    Map<String, String> facts = new LinkedHashMap<>();
    Analysis.onEach("routes.py", """
      from typing import Annotated
      from fastapi import APIRouter, Depends, Security
      from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
      from .deps import CurrentUser, SessionDep, get_db, get_user

      router = APIRouter()
      api_key = APIKeyHeader(name="X-API-Key")
      bearer = HTTPBearer()

      def check_key(key: str = Depends(api_key)):
          return key

      def load_caller(credentials: HTTPAuthorizationCredentials = Depends(bearer)):
          return credentials

      Caller = Annotated[str, Depends(load_caller)]

      @router.post("/a", dependencies=[Depends(check_key)])
      def by_route_dependency(): ...

      @router.post("/b")
      def by_scheme(key: str = Depends(api_key)): ...

      @router.post("/c")
      def by_alias(caller: Caller): ...

      @router.post("/d")
      def by_imported_alias(user: CurrentUser): ...

      @router.post("/e")
      def by_security(user=Security(get_user, scopes=["write"])): ...

      @router.post("/f")
      def by_name(user=Depends(get_current_active_user)): ...

      @router.post("/g")
      def no_authentication(db: SessionDep, other=Depends(get_db), user=Depends(get_user)): ...
      """, Tree.Kind.FUNCDEF, (tree, ctx) -> {
        FunctionDef function = (FunctionDef) tree;
        FastApi.route(function).ifPresent(route -> facts.put(function.name().name(), FastApiAuth.routeDependency(route).isPresent() + ""));
      });
    assertThat(facts).containsExactly(Map.entry("by_route_dependency", "true"), Map.entry("by_scheme", "true"),
      Map.entry("by_alias", "true"), Map.entry("by_imported_alias", "true"), Map.entry("by_security", "true"),
      Map.entry("by_name", "true"), Map.entry("no_authentication", "false"));
  }

  @Test
  void includes_with_dependencies_read_as_text() {
    assertThat(FastApiAuth.includesWithDependencies("""
      app.include_router(items.router)
      app.include_router(admin.router, prefix="/admin", dependencies=[Depends(verify_key)])
      app.include_router(
          users_router,
          dependencies=[Depends(get_current_user)],
      )
      """)).isEqualTo(List.of("admin.router", "users_router"));
  }
}
