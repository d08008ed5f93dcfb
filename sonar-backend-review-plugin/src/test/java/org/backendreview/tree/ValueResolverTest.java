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
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;

import static org.assertj.core.api.Assertions.assertThat;

class ValueResolverTest {

  @Test
  void origins_of_receivers() {
    List<String> seen = new ArrayList<>();
    ValueResolver resolver = new ValueResolver();
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
          Expression receiver = Fqns.receiver(call).orElseThrow();
          seen.add(resolver.origins(receiver, ctx).stream()
            .map(e -> e instanceof CallExpression c ? Fqns.calleeName(c).orElse("?") : e.getKind().name()).sorted().collect(Collectors.joining("+", "[", "]"))
            + (resolver.origin(receiver, ctx) == null ? "" : "!"));
        }
      });
    assertThat(seen).containsExactly("[make_client]!", "[make_global]!", "[]", "[open_it]!", "[make_local]!", "[first+second]", "[make_local]!",
      "[]", "[make_direct]!");
  }

  @Test
  void reaching_definitions_through_branches_and_loops() {
    List<String> seen = new ArrayList<>();
    ValueResolver resolver = new ValueResolver();
    Analysis.onEach("m.py", """
      def f(p, items, k, v):
          a = p
          if p:
              a = "x"
          else:
              a = "y"
          use(a)
          b = 0
          b = 1
          use(b)
          c = ""
          for i in items:
              use(c)
              c = c + i
          use(c)
          d = {}
          d[k] = v
          d.update(v)
          use(d)
          use(p)
          while p:
              e = 1
              use(e)
          x, y = k, v
          use(y)
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        if (Fqns.calleeName(call).filter("use"::equals).isPresent()) {
          Name use = (Name) ((RegularArgument) call.arguments().get(0)).expression();
          List<UsageV2> reaching = ValueResolver.reachingDefinitions(resolver.definitionsOf(use.symbolV2()), use, false);
          seen.add(use.name() + reaching.stream().map(d -> d.tree().firstToken().line() + "")
            .collect(Collectors.joining(",", "@", "")));
        }
      });
    // a: the last plain assignment of the enclosing block (line 2) kills nothing after it, both branches reach;
    // b: "b = 1" kills "b = 0"; c in the loop: before it and the later "c = c + i" of the next iteration; d: the literal and
    // both in-place updates; p: the parameter; e: the loop body's own assignment kills the one of the last iteration
    assertThat(seen).containsExactly("a@2,4,6", "b@9", "c@11,14", "c@11,14", "d@16,17,18", "p@1", "e@22", "y@24");
  }

  @Test
  void assignment_shapes() {
    List<String> seen = new ArrayList<>();
    Analysis.onEach("m.py", """
      def f(k, v, items):
          x, y = k, v
          (m, n) = [1, 2]
          first, *rest = items
          z: int = 3
          if (w := v):
              pass
          items.append(k)
          items[0] = v
          items.clear()
      """, Tree.Kind.NAME, (tree, ctx) -> {
        Name name = (Name) tree;
        boolean target = name.symbolV2() != null && name.symbolV2().usages().stream().anyMatch(u -> u.tree() == name && u.isBindingUsage()
          && u.kind() != UsageV2.Kind.PARAMETER && u.kind() != UsageV2.Kind.FUNC_DECLARATION);
        Expression value = target ? ValueResolver.assignedValue(name) : null;
        Tree mutation = ValueResolver.mutation(name);
        if (value != null) {
          seen.add(name.name() + "=" + SourceText.of(value));
        } else if (mutation != null) {
          seen.add(name.name() + " updated at " + mutation.firstToken().line());
        }
      });
    // a starred target gets the whole value; items.clear() is no update of the contents
    assertThat(seen).containsExactly("x=k", "y=v", "m=1", "n=2", "first=items", "rest=items", "z=3", "w=v", "items updated at 8",
      "items updated at 9");
  }

  @Test
  void single_bindings_and_with_items() {
    List<String> seen = new ArrayList<>();
    ValueResolver resolver = new ValueResolver();
    Analysis.onEach("m.py", """
      import db
      ONCE = compute()
      TWICE = 1
      TWICE = 2
      class Repo:
          def __init__(self, conn):
              self.conn = conn
              self.cursor = conn.cursor()
              self.a, self.b = 1, 2
              self.twice = 1
          def reset(self):
              self.twice = 2
          def run(self, p):
              with db.connect() as connection, open(p) as (left, right):
                  use(ONCE, TWICE, connection, left, p)
              use(self.conn, self.cursor, self.a, self.twice, self.missing)
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        if (Fqns.calleeName(call).filter("use"::equals).isPresent()) {
          for (var argument : call.arguments()) {
            Expression expr = ((RegularArgument) argument).expression();
            seen.add(describe(expr, resolver, ctx));
          }
        }
      });
    assertThat(seen).containsExactly(
      "ONCE single=compute() bound=compute()", "TWICE single=- bound=-", "connection single=- bound=db.connect()",
      "left single=- bound=open(p)", "p single=- bound=-",
      "self.conn only=conn", "self.cursor only=conn.cursor()", "self.a only=-", "self.twice only=-", "self.missing only=-");
  }

  private static String describe(Expression expr, ValueResolver resolver, SubscriptionContext ctx) {
    if (expr instanceof Name name) {
      return name.name() + " single=" + ValueResolver.singleAssignedValue(name).map(SourceText::of).orElse("-")
        + " bound=" + ValueResolver.boundValue(name).map(SourceText::of).orElse("-");
    }
    QualifiedExpression attribute = (QualifiedExpression) expr;
    ClassDef owner = Trees.enclosingClass(attribute);
    return SourceText.of(attribute) + " only=" + resolver.onlySelfAssignment(owner, attribute.name().name()).map(SourceText::of).orElse("-");
  }

  @Test
  void class_of_instances() {
    List<String> seen = new ArrayList<>();
    Analysis.onEach("m.py", """
      class Model:
          pass
      instance = Model()
      use(instance, Model, 1, unknown)
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        if (Fqns.calleeName(call).filter("use"::equals).isPresent()) {
          for (var argument : call.arguments()) {
            Expression expr = ((RegularArgument) argument).expression();
            seen.add(Types.classOf(expr).map(ClassType::name).orElse("-") + "/"
              + (Types.classOrSelf(expr.typeV2()) instanceof ClassType c ? c.name() : "-"));
          }
        }
      });
    assertThat(seen).containsExactly("Model/Model", "-/Model", "int/int", "-/-");
  }
}
