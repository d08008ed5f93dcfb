/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.outbound;

import java.util.List;

/** Outbound calls (family NET): timeouts, retries and connection reuse of HTTP and SDK clients. */
public final class OutboundChecks {

  public static final List<Class<?>> CHECKS = List.of(
    HttpRequestWithoutTimeoutCheck.class,
    SdkClientWithoutTimeoutCheck.class,
    RetryWithoutLimitOrBackoffCheck.class,
    ConnectionNotReusedInLoopCheck.class,
    ResponseJsonWithoutStatusCheck.class);

  private OutboundChecks() {
  }
}
