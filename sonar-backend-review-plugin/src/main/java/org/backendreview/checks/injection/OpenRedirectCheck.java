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
 * SEC-11: a redirect ({@code redirect}, {@code HttpResponseRedirect}, {@code RedirectResponse}) to a target chosen by
 * request data, without {@code url_has_allowed_host_and_scheme} or an allow-list. A target that starts with a fixed
 * path ({@code f"/orders/{id}"}) or a fixed origin stays on the site and is not reported.
 */
@Rule(key = "OpenRedirect")
public class OpenRedirectCheck extends TaintSinkCheck {

  public OpenRedirectCheck() {
    super(Kind.REDIRECT, InjectionSinks::redirects);
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    return "Check that " + flow.sourceText() + " points to this site (url_has_allowed_host_and_scheme() or an allow-list) before redirecting to it.";
  }
}
