/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.tree;

import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.FunctionDef;

/** Test code recognised by the conventions of pytest and unittest. */
public final class TestCode {

  private TestCode() {
  }

  /**
   * A test: a {@code test*} function or method, or any method of a {@code Test*}/{@code *Test}/{@code *Tests} class
   * (its fixtures, {@code setUp}, helpers). Tests commit, leave sessions to the fixture teardown and wait on local
   * servers on purpose, to observe a scenario step by step.
   */
  public static boolean isTestScenario(FunctionDef function) {
    if (function.name().name().startsWith("test")) {
      return true;
    }
    ClassDef owner = Trees.methodOwner(function);
    if (owner == null) {
      return false;
    }
    String name = owner.name().name();
    return name.startsWith("Test") || name.endsWith("Test") || name.endsWith("Tests");
  }
}
