/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.asyncio;

import org.backendreview.tree.Api;

/** The API names of asyncio and of the concurrency libraries around it (anyio, aiometer, aiolimiter), declared once. */
public final class AsyncioApi {

  public static final Api GATHER = Api.of("asyncio.gather", "asyncio.tasks.gather");
  /** What bounds how many awaitables run at once: semaphores, capacity limiters, rate limiters, bounded runners. */
  public static final Api CONCURRENCY_LIMITERS = Api.of("asyncio.Semaphore", "asyncio.BoundedSemaphore", "asyncio.locks.Semaphore",
    "asyncio.locks.BoundedSemaphore", "anyio.Semaphore", "anyio.CapacityLimiter", "anyio.create_capacity_limiter", "aiometer.run_all",
    "aiometer.amap", "aiolimiter.AsyncLimiter");

  private AsyncioApi() {
  }
}
