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

/** Request data evaluated as Python code ({@code eval}, {@code exec}, {@code compile}). */
@Rule(key = "CodeInjection")
public class CodeInjectionCheck extends TaintSinkCheck {

  public CodeInjectionCheck() {
    super(Kind.CODE, InjectionSinks::code);
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    return "Do not execute " + flow.sourceText() + " as Python code; parse it as data (json.loads, ast.literal_eval) instead.";
  }
}
