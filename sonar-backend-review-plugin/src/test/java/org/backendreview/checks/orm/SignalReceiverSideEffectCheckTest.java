/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import org.backendreview.testing.CheckVerifier;
import org.junit.jupiter.api.Test;

class SignalReceiverSideEffectCheckTest {

  @Test
  void model_signal_receivers_with_outbound_calls_or_writes_to_other_models() {
    // models in shop/models.py, receivers in notifications/signals.py, the task in notifications/tasks.py
    CheckVerifier.verify(OrmSamples.withShop("orm/signalReceiverSideEffect"), new SignalReceiverSideEffectCheck());
  }
}
