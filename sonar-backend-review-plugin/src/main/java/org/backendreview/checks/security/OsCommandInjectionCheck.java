/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.security.InjectionSinks;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.InjectionSinks.Sink;
import org.sonar.check.Rule;

/** Request data in a shell command or as the program to run (subprocess with {@code shell=True}, {@code os.system}, {@code os.popen}, {@code exec*}). */
@Rule(key = "OsCommandInjection")
public class OsCommandInjectionCheck extends TaintSinkCheck {

  public OsCommandInjectionCheck() {
    super(Kind.COMMAND, InjectionSinks::commands);
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    return "Do not build this command from " + flow.sourceText() + "; run a fixed program with a list of arguments and no shell, and validate the value.";
  }
}
