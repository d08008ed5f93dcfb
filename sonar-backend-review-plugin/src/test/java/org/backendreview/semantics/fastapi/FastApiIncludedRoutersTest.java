/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backendreview.testing.Analysis;
import org.backendreview.tree.Fqns;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class FastApiIncludedRoutersTest {

  @Test
  void raises_of_routes_of_routers_included_from_other_modules() {
    Map<String, String> files = Map.of(
      "shop/__init__.py", "",
      "shop/errors.py", """
        class OutOfStock(Exception):
            pass
        """,
      "shop/items.py", """
        from fastapi import APIRouter
        from shop import errors
        from shop.errors import OutOfStock

        router = APIRouter()
        other = APIRouter()
        wrapped = APIRouter(route_class=object)

        @router.get("/a")
        def a():
            raise OutOfStock()

        @router.post("/b")
        def b():
            try:
                raise OutOfStock()
            except OutOfStock:
                pass
            raise errors.OutOfStock

        @other.get("/c")
        def c():
            raise OutOfStock()

        def helper():
            raise OutOfStock()
        """,
      "shop/main.py", """
        from fastapi import FastAPI
        from shop import items, unknown
        from shop.errors import OutOfStock
        from shop.items import router

        app = FastAPI()
        app.include_router(items.router)
        app.include_router(items.other)
        app.include_router(items.wrapped)
        app.include_router(router)
        app.include_router(unknown.router)
        routers = [router]
        app.include_router(routers[0])
        """,
      "shop/unknown.py", """
        from fastapi import APIRouter
        from shop.missing import Gone

        router = APIRouter()

        @router.get("/gone")
        def gone():
            raise Gone()
        """);
    List<String> results = new ArrayList<>();
    Analysis.onEach(files, "shop/main.py", Tree.Kind.CALL_EXPR, (tree, ctx) -> {
      CallExpression call = (CallExpression) tree;
      if (Fqns.calleeName(call).filter("include_router"::equals).isPresent()) {
        results.add(FastApiIncludedRouters.raises(call, ctx)
          .map(raises -> raises.stream().map(r -> r.route() + ":" + r.text() + ":" + r.exception().fullyQualifiedName() + "@" + r.location().startLine())
            .toList().toString())
          .orElse("?"));
      }
    });
    assertThat(results).containsExactly(
      "[a:OutOfStock:shop.errors.OutOfStock@11, b:errors.OutOfStock:shop.errors.OutOfStock@19]",
      "[c:OutOfStock:shop.errors.OutOfStock@23]",
      "?",
      "[a:OutOfStock:shop.errors.OutOfStock@11, b:errors.OutOfStock:shop.errors.OutOfStock@19]",
      "?",
      "?");
  }
}
