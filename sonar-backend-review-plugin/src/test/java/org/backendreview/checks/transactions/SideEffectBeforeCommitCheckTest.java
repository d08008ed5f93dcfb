/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.transactions;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SideEffectBeforeCommitCheckTest {

  @Test
  void dispatches_inside_atomic_blocks_across_modules() {
    CheckVerifier.verify(Samples.project("transactions/sideEffectBeforeCommit"), new SideEffectBeforeCommitCheck());
  }

  @Test
  void views_of_a_project_with_atomic_requests() {
    CheckVerifier.verify(Samples.project("transactions/sideEffectBeforeCommitAtomicRequests"), new SideEffectBeforeCommitCheck());
  }

  @Test
  void quick_fix_defers_to_on_commit() {
    QuickFixVerifier.verify(new SideEffectBeforeCommitCheck(), """
      from django.core.mail import send_mail
      from django.db import transaction

      def f(order):
          with transaction.atomic():
              order.save()
              send_mail("Paid", "Thanks", "shop@example.com", [order.email])
      """, """
      from django.core.mail import send_mail
      from django.db import transaction

      def f(order):
          with transaction.atomic():
              order.save()
              transaction.on_commit(lambda: send_mail("Paid", "Thanks", "shop@example.com", [order.email]))
      """);
  }

  @Test
  void no_quick_fix_in_loops_or_without_the_transaction_module() {
    QuickFixVerifier.verifyNoQuickFixes(new SideEffectBeforeCommitCheck(), """
      from django.core.mail import send_mail
      from django.db.transaction import atomic

      def f(orders):
          with atomic():
              orders.update(paid=True)
              send_mail("Paid", "Thanks", "shop@example.com", ["a@example.com"])
      """);
    QuickFixVerifier.verifyNoQuickFixes(new SideEffectBeforeCommitCheck(), """
      from django.core.mail import send_mail
      from django.db import transaction

      def f(orders):
          with transaction.atomic():
              for order in orders:
                  order.save()
                  send_mail("Paid", "Thanks", "shop@example.com", [order.email])
      """);
  }
}
