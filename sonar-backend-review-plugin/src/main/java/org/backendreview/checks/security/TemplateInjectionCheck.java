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

/** Server-side template injection, a template compiled from request data (Django/Jinja2/Mako {@code Template}, {@code from_string}, {@code render_template_string}). */
@Rule(key = "TemplateInjection")
public class TemplateInjectionCheck extends TaintSinkCheck {

  public TemplateInjectionCheck() {
    super(Kind.TEMPLATE, InjectionSinks::templates);
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    return "Do not compile a template from " + flow.sourceText() + "; render a fixed template and pass the value in its context.";
  }
}
