/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import java.util.List;

/** Async correctness (family ASY): blocking calls on the event loop, coroutines, async resources, shared state. */
public final class AsynchronousChecks {

  public static final List<Class<?>> CHECKS = List.of(
    BlockingClientInAsyncFunctionCheck.class,
    BlockingHelperInAsyncFunctionCheck.class,
    DjangoOrmInAsyncFunctionCheck.class,
    PasswordHashingOnEventLoopCheck.class,
    CoroutineNotAwaitedCheck.class,
    UnboundedGatherFanOutCheck.class,
    AsyncClientNotClosedCheck.class,
    SharedMutableGlobalStateCheck.class,
    SequentialAwaitInLoopCheck.class);

  private AsynchronousChecks() {
  }
}
