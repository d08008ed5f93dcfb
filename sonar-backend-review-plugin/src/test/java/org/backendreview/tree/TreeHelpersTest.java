/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backendreview.testing.Analysis;
import org.backendreview.testing.QuickFixVerifier;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class TreeHelpersTest {

  @Test
  void test_code_is_recognised_by_names_and_bases_not_by_a_model_named_test() {
    Map<String, Boolean> seen = new LinkedHashMap<>();
    Analysis.onEach("m.py", """
      import unittest
      from django.db import models
      from django.test import TestCase as DjangoTestCase

      def test_free(): pass
      def helper(): pass
      class TestPytest:
          def fixture(self): pass
      class ApiTests(DjangoTestCase):
          def set_up_api(self): pass
      class OAuthTest(unittest.TestCase):
          def set_up_oauth(self): pass
      class ProviderTests(OAuth2TestsMixin, Base):
          def set_up_provider(self): pass
      class LoginTest(Base):
          def test_login(self): pass
          def login(self): pass
      class TestJob(models.Model):
          def save_state(self): pass
      class TestCase(models.Model, Queryable):
          def results(self): pass
      class TestJobView(QueryView, TestJob):
          def refresh(self): pass
      class ReportChecks(DjangoTestCase):
          def build(self): pass
      class Report:
          def testSomething(self): pass
      def testcase(request, pk): pass
      """, Tree.Kind.FUNCDEF, (tree, ctx) -> seen.put(((org.sonar.plugins.python.api.tree.FunctionDef) tree).name().name(),
        TestCode.isTestScenario((org.sonar.plugins.python.api.tree.FunctionDef) tree)));
    assertThat(seen).containsExactly(Map.entry("test_free", true), Map.entry("helper", false), Map.entry("fixture", true),
      Map.entry("set_up_api", true), Map.entry("set_up_oauth", true), Map.entry("set_up_provider", true), Map.entry("test_login", true), Map.entry("login", true), Map.entry("save_state", false),
      Map.entry("results", false), Map.entry("refresh", false), Map.entry("build", true),
      Map.entry("testSomething", false), Map.entry("testcase", false));
  }

  @Test
  void fqns_follow_imports_and_aliases() {
    List<String> fqns = new ArrayList<>();
    Analysis.onEach("m.py", """
      import os.path
      import requests as r
      from subprocess import run as execute
      from django.db import models
      os.path.join("a")
      r.get("u")
      execute(["ls"])
      models.CharField()
      unknown_function()
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> fqns.add(Fqns.ofCallee((CallExpression) tree).orElse("?")));
    assertThat(fqns).containsExactly("os.path.join", "requests.api.get", "subprocess.run", "django.db.models.CharField", "?");
  }

  @Test
  void callee_names_receivers_and_arguments() {
    List<String> seen = new ArrayList<>();
    Analysis.onEach("m.py", """
      client.send(1, 2, timeout=3)
      send(*args, x=1)
      f(**kw)
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        seen.add(Fqns.calleeName(call).orElse("?") + " recv=" + Fqns.receiver(call).map(r -> r.firstToken().value()).orElse("-")
          + " p1=" + Arguments.positional(call, 1).map(a -> a.expression().firstToken().value()).orElse("-")
          + " timeout=" + Arguments.value(call, 2, "timeout").map(e -> e.firstToken().value()).orElse("-")
          + " x=" + Arguments.keyword(call, "x").isPresent()
          + " n=" + Arguments.positionalCount(call)
          + " unpack=" + Arguments.hasUnpacking(call) + "/" + Arguments.hasKeywordUnpacking(call));
      });
    assertThat(seen).containsExactly(
      "send recv=client p1=2 timeout=3 x=false n=2 unpack=false/false",
      "send recv=- p1=- timeout=- x=true n=0 unpack=true/false",
      "f recv=- p1=- timeout=- x=false n=0 unpack=true/true");
  }

  @Test
  void literal_values() {
    List<String> values = new ArrayList<>();
    Analysis.onEach("m.py", """
      use("plain", "implicit" "concat", f"x{y}", b"bytes", ("paren"), 3, -4, True, None, [1, "a"], (1,), {"s"}, name)
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        for (var argument : ((CallExpression) tree).arguments()) {
          Expression e = ((RegularArgument) argument).expression();
          values.add(Literals.stringValue(e).orElse("~") + "|" + Literals.isFString(e) + "|" + Literals.booleanValue(e).map(String::valueOf).orElse("~")
            + "|" + Literals.isNone(e) + "|" + Literals.isNumber(e) + "|" + Literals.isConstant(e)
            + "|" + Literals.collectionElements(e).map(List::size).map(String::valueOf).orElse("~"));
        }
      });
    assertThat(values).containsExactly(
      "plain|false|~|false|false|true|~", "implicitconcat|false|~|false|false|true|~", "~|true|~|false|false|false|~",
      "~|false|~|false|false|false|~", "paren|false|~|false|false|true|~", "~|false|~|false|true|true|~",
      "~|false|~|false|true|true|~", "~|false|true|false|false|true|~", "~|false|~|true|false|true|~",
      "~|false|~|false|false|false|2", "~|false|~|false|false|false|1", "~|false|~|false|false|false|1", "~|false|~|false|false|false|~");
  }

  @Test
  void enclosing_loops_functions_and_classes() {
    Map<String, String> where = new LinkedHashMap<>();
    Analysis.onEach("m.py", """
      class C:
          def m(self):
              for x in a_iter():
                  b_body()
              while c_cond():
                  d_body()
              e = [f_elem(y) for y in g_iter() if h_cond(y)]
              i = lambda: j_lambda()
              def nested():
                  k_nested()
              l_once()
      m_module()
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        Tree loop = Trees.enclosingLoop(tree);
        var function = Trees.enclosingFunction(tree);
        var cls = Trees.enclosingClass(tree);
        where.put(((Name) ((CallExpression) tree).callee()).name(), (loop == null ? "once" : loop.getKind().name())
          + " " + (function == null ? "-" : function.name().name()) + " " + (cls == null ? "-" : cls.name().name()));
      });
    assertThat(where).containsExactly(
      Map.entry("a_iter", "once m C"), Map.entry("b_body", "FOR_STMT m C"), Map.entry("c_cond", "WHILE_STMT m C"),
      Map.entry("d_body", "WHILE_STMT m C"), Map.entry("f_elem", "LIST_COMPREHENSION m C"), Map.entry("g_iter", "once m C"),
      Map.entry("h_cond", "LIST_COMPREHENSION m C"), Map.entry("j_lambda", "once - C"), Map.entry("k_nested", "once nested C"),
      Map.entry("l_once", "once m C"), Map.entry("m_module", "once - -"));
  }

  @Test
  void single_assigned_values() {
    List<String> values = new ArrayList<>();
    Analysis.onEach("m.py", """
      def f(p):
          once = compute()
          twice = 1
          twice = 2
          a, b = pair()
          typed: int = 5
          use(once, twice, a, p, typed)
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        CallExpression call = (CallExpression) tree;
        if (Fqns.calleeName(call).filter("use"::equals).isPresent()) {
          call.arguments().forEach(a -> values.add(ValueResolver.singleAssignedValue((Name) ((RegularArgument) a).expression())
            .map(v -> v.firstToken().value()).orElse("-")));
        }
      });
    assertThat(values).containsExactly("compute", "-", "-", "-", "5");
  }

  @Test
  void text_edits() {
    String code = "x = f(a, '''multi\nline''')\n";
    List<PythonQuickFix> fixes = new ArrayList<>();
    Analysis.onEach("m.py", code, Tree.Kind.STRING_LITERAL, (tree, ctx) -> {
      StringLiteral literal = (StringLiteral) tree;
      fixes.add(PythonQuickFix.newQuickFix("after", TextEdits.insertAfter(literal, ", b")));
      fixes.add(PythonQuickFix.newQuickFix("replace", TextEdits.replace(literal, "s")));
      fixes.add(PythonQuickFix.newQuickFix("before", TextEdits.insertBefore(literal, "z, ")));
      fixes.add(PythonQuickFix.newQuickFix("remove", TextEdits.remove(literal)));
    });
    assertThat(fixes).extracting(f -> QuickFixVerifier.apply(code, f)).containsExactly(
      "x = f(a, '''multi\nline''', b)\n", "x = f(a, s)\n", "x = f(a, z, '''multi\nline''')\n", "x = f(a, )\n");
  }

  @Test
  void function_bound_to_a_name_only_when_it_is_its_single_binding() {
    Map<String, String> bound = new LinkedHashMap<>();
    Analysis.onEach("m.py", """
      from os import getenv
      def helper(): pass
      def twice(): pass
      twice = 1
      helper()
      twice()
      getenv("A")
      """, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
        Name callee = (Name) ((CallExpression) tree).callee();
        var function = Trees.functionBoundTo(callee);
        bound.put(callee.name(), function == null ? null : function.name().name());
      });
    assertThat(bound).containsEntry("helper", "helper").containsEntry("twice", null).containsEntry("getenv", null);
  }
}
