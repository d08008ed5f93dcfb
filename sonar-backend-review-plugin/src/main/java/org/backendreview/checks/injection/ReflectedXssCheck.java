/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.injection;

import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.InjectionSinks;
import org.backendreview.semantics.InjectionSinks.Kind;
import org.backendreview.semantics.InjectionSinks.Sink;
import org.sonar.check.Rule;

/**
 * SEC-09: request data written unescaped into HTML: a Django {@code HttpResponse} (text/html by default), a FastAPI
 * {@code HTMLResponse}, a Flask response, or marked safe with {@code mark_safe}/{@code SafeString}/{@code Markup}, or
 * formatted into the template string of {@code format_html}. Constant markup and escaped values are not reported
 * (unlike rules that flag every {@code mark_safe}).
 */
@Rule(key = "ReflectedXss")
public class ReflectedXssCheck extends TaintSinkCheck {

  public ReflectedXssCheck() {
    super(Kind.XSS, InjectionSinks::html);
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    String api = sink.api();
    if ("format_html()".equals(api)) {
      return "Pass " + flow.sourceText() + " as an argument of format_html() instead of formatting it into the template string.";
    }
    if ("mark_safe()".equals(api) || api.startsWith("Safe") || "Markup()".equals(api)) {
      return "Do not mark " + flow.sourceText() + " as safe HTML; escape it, or build the markup with format_html().";
    }
    return "Escape " + flow.sourceText() + " before writing it into this HTML response.";
  }
}
