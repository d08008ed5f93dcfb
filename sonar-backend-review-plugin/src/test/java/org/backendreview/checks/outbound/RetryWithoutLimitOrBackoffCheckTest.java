/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.outbound;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class RetryWithoutLimitOrBackoffCheckTest {

  @Test
  void tenacity_retrying_backoff_celery_and_loops() {
    CheckVerifier.verify(Samples.file("outbound/retryWithoutLimitOrBackoff.py"), new RetryWithoutLimitOrBackoffCheck());
  }

  @Test
  void unbounded_retries_with_backoff_on_demand() {
    RetryWithoutLimitOrBackoffCheck check = new RetryWithoutLimitOrBackoffCheck();
    check.reportUnboundedWithBackoff = true;
    CheckVerifier.verify(Samples.file("outbound/retryWithoutLimitOrBackoffUnbounded.py"), check);
  }

  @Test
  void the_retry_library_own_sources_are_not_policies() {
    CheckVerifier.verifyNoIssue(Samples.file("outbound/retryLibrarySource/tenacity/__init__.py"), new RetryWithoutLimitOrBackoffCheck());
  }
}
