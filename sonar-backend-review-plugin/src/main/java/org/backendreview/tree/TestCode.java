/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.ArgList;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Statement;

/** Test code recognised by the conventions of pytest and unittest. */
public final class TestCode {

  private TestCode() {
  }

  /**
   * A test: a {@code test_*} function, or any method of a test class (its tests, fixtures, {@code setUp}, helpers). A
   * function merely starting with "test" is not one outside a test class: lava's view {@code testcase(request, pk)}.
   * Tests commit, leave sessions to the fixture teardown, count the rows they assert on and wait on local servers on
   * purpose, to observe a scenario step by step.
   */
  public static boolean isTestScenario(FunctionDef function) {
    String name = function.name().name();
    if (name.startsWith("test_") || "test".equals(name)) {
      return true;
    }
    ClassDef owner = Trees.methodOwner(function);
    return owner != null && isTestClass(owner);
  }

  /**
   * A test class: one with a base named like a test class ({@code TestCase}, {@code APITestCase}, {@code BaseTest},
   * {@code OAuth2TestsMixin}), or one named {@code Test*}/{@code *Test}/{@code *Tests} without base classes (pytest) or
   * with a {@code test*} method. A Django model {@code TestJob(models.Model)} or {@code TestCase(models.Model)} of a
   * test-management application is not one.
   */
  public static boolean isTestClass(ClassDef cls) {
    ArgList args = cls.args();
    if (args != null) {
      for (Argument argument : args.arguments()) {
        if (argument instanceof RegularArgument regular && regular.keywordArgument() == null && isTestBaseName(lastName(regular.expression()))) {
          return true;
        }
      }
    }
    String name = cls.name().name();
    if (!name.startsWith("Test") && !name.endsWith("Test") && !name.endsWith("Tests")) {
      return false;
    }
    if (args == null || args.arguments().isEmpty()) {
      return true;
    }
    for (Statement statement : cls.body().statements()) {
      if (statement instanceof FunctionDef method && method.name().name().startsWith("test")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTestBaseName(String base) {
    String stem = base.endsWith("Mixin") ? base.substring(0, base.length() - "Mixin".length()) : base;
    return stem.endsWith("TestCase") || stem.endsWith("Test") || stem.endsWith("Tests") || stem.startsWith("BaseTest");
  }

  private static String lastName(Expression expression) {
    if (expression instanceof Name name) {
      return name.name();
    }
    return expression instanceof QualifiedExpression qualified ? qualified.name().name() : "";
  }
}
