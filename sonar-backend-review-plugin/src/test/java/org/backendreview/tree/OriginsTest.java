/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class OriginsTest {

  @Test
  void origins_of_receivers() {
    List<String> seen = new ArrayList<>();
    Analysis.onEach("m.py", """
      GLOBAL = make_global()
      class C:
          def __init__(self):
              self.client = None
              self.client = make_client()
          def m(self, param):
              self.client.go()
              GLOBAL.go()
              param.go()
              with open_it() as handle:
                  handle.go()
              local = make_local()
              local.go()
              if param:
                  two = first()
              else:
                  two = second()
              two.go()
              alias = local
              alias.go()
              for item in param:
                  item.go()
              make_direct().go()
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        if (Fqns.calleeName(call).filter("go"::equals).isPresent()) {
          seen.add(new Origins().of(Fqns.receiver(call).orElseThrow(), ctx).stream()
            .map(e -> e instanceof CallExpression c ? Fqns.calleeName(c).orElse("?") : e.getKind().name()).sorted().collect(Collectors.joining("+", "[", "]")));
        }
      });
    assertThat(seen).containsExactly("[make_client]", "[make_global]", "[]", "[open_it]", "[make_local]", "[first+second]", "[make_local]",
      "[]", "[make_direct]");
  }
}
