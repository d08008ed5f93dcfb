/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.http;

import java.util.List;

/** Outbound HTTP and SDK clients: timeouts, retries, response checks, connection reuse (feature-matrix family 8, issue 6). */
public final class HttpClientChecks {

  public static final List<Class<?>> CHECKS = List.of(
    HttpRequestWithoutTimeoutCheck.class,
    SdkClientWithoutTimeoutCheck.class,
    RetryWithoutLimitOrBackoffCheck.class,
    ConnectionNotReusedInLoopCheck.class,
    ResponseJsonWithoutStatusCheck.class);

  private HttpClientChecks() {
  }
}
