/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.List;
import org.backendreview.testing.CheckVerifier;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.IssueLocation;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;

import static org.assertj.core.api.Assertions.assertThat;

class SignalReceiverSideEffectCheckTest {

  @Test
  void model_signal_receivers_with_outbound_calls_or_writes_to_other_models() {
    // models in shop/models.py, receivers in notifications/signals.py, the task in notifications/tasks.py
    CheckVerifier.verify(OrmSamples.withShop("orm/signalReceiverSideEffect"), new SignalReceiverSideEffectCheck());
  }

  @Test
  void receivers_of_another_module_are_reported_on_connect_with_their_effects_in_that_module() {
    // orders/apps.py connects functions of orders/handlers.py in AppConfig.ready()
    List<PreciseIssue> issues = CheckVerifier.issues(OrmSamples.withShop("orm/signalReceiverSideEffect"), new SignalReceiverSideEffectCheck());
    PreciseIssue bookSaved = issues.stream().filter(i -> i.primaryLocation().message().contains("\"book_saved\" connected here")).findFirst()
      .orElseThrow();
    assertThat(bookSaved.secondaryLocations()).extracting(IssueLocation::startLine).containsExactly(11, 13, 14);
    assertThat(bookSaved.secondaryLocations()).allSatisfy(l -> assertThat(l.fileId()).endsWith("handlers.py"));
    assertThat(bookSaved.secondaryLocations()).extracting(IssueLocation::message).containsExactly(
      "Called by the receiver: send_mail()", "Called by the receiver: index_book.delay()", "Called by the receiver: index_book.apply_async()");
  }
}
