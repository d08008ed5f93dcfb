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

/**
 * Request data chooses the scheme or host of an outgoing HTTP request ({@code requests}, {@code httpx} sync
 * and async, {@code aiohttp}, {@code urllib}). A URL whose scheme and host are fixed by the program, with request
 * data only in its path or query, is not reported.
 */
@Rule(key = "ServerSideRequestForgery")
public class ServerSideRequestForgeryCheck extends TaintSinkCheck {

  public ServerSideRequestForgeryCheck() {
    super(Kind.SSRF, InjectionSinks::outgoingUrls);
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    return "Do not let " + flow.sourceText() + " choose the host of this outgoing request; check it against an allow-list of hosts.";
  }
}
