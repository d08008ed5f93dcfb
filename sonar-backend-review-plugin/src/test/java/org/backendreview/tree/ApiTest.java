/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTest {

  private static final Api GET = Api.of("requests.get", "requests.api.get");
  private static final Api SESSION = Api.of("requests.Session", "requests.sessions.Session");

  @Test
  void names_and_unions() {
    assertThat(GET.contains("requests.api.get")).isTrue();
    assertThat(GET.contains("requests.post")).isFalse();
    assertThat(GET.contains(null)).isFalse();
    assertThat(GET.test("requests.get")).isTrue();
    assertThat(Api.anyOf(GET, SESSION).fqns()).containsExactlyInAnyOrder("requests.get", "requests.api.get", "requests.Session",
      "requests.sessions.Session");
    assertThat(GET.plus("httpx.get").fqns()).containsExactlyInAnyOrder("requests.get", "requests.api.get", "httpx.get");
    assertThat(GET.fqns()).hasSize(2);
  }

  @Test
  void calls_match_through_aliased_imports_and_unknown_origins_match_nothing() {
    Map<String, Boolean> seen = new LinkedHashMap<>();
    Analysis.onEach("m.py", """
      import requests
      import requests as r
      from requests import get as fetch
      from requests.api import get
      requests.get("u")
      r.get("u")
      fetch("u")
      get("u")
      requests.post("u")
      unknown.get("u")
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> seen.put(SourceText.of((CallExpression) tree), GET.isCalledBy((CallExpression) tree)));
    assertThat(seen).containsExactly(Map.entry("requests.get(\"u\")", true), Map.entry("r.get(\"u\")", true), Map.entry("fetch(\"u\")", true),
      Map.entry("get(\"u\")", true), Map.entry("requests.post(\"u\")", false), Map.entry("unknown.get(\"u\")", false));
  }

  @Test
  void expressions_and_types() {
    Map<String, Boolean> names = new LinkedHashMap<>();
    Map<String, Boolean> types = new LinkedHashMap<>();
    Analysis.onEach("m.py", """
      import requests
      from requests import Session as S
      s = requests.Session()
      t = S()
      u = object()
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        names.put(SourceText.of(call), SESSION.matches(call.callee()));
        types.put(SourceText.of(call), SESSION.isTypeOf(call.typeV2()));
      });
    assertThat(names).containsExactly(Map.entry("requests.Session()", true), Map.entry("S()", true), Map.entry("object()", false));
    assertThat(types).containsEntry("object()", false);
  }
}
