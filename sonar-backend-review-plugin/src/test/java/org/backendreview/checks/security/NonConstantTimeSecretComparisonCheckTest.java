/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class NonConstantTimeSecretComparisonCheckTest {

  private final NonConstantTimeSecretComparisonCheck check = new NonConstantTimeSecretComparisonCheck();

  @Test
  void django_and_fastapi() {
    CheckVerifier.verify(Samples.file("security/nonConstantTimeSecretComparison.py"), check);
  }

  @Test
  void quick_fix_uses_compare_digest() {
    QuickFixVerifier.verify(check, """
      import hmac
      def verify(key, body, signature):
          return hmac.new(key, body, "sha256").hexdigest() == signature
      """, """
      import hmac
      def verify(key, body, signature):
          return hmac.compare_digest(hmac.new(key, body, "sha256").hexdigest(), signature)
      """);
  }

  @Test
  void quick_fix_adds_the_import_and_keeps_the_negation() {
    QuickFixVerifier.verify(check, """
      \"\"\"Webhooks.\"\"\"
      from __future__ import annotations
      from hmac import new
      def verify(key, body, signature):
          if new(key, body, "sha256").hexdigest() != signature:
              raise ValueError()
      """, """
      \"\"\"Webhooks.\"\"\"
      from __future__ import annotations
      import hmac
      from hmac import new
      def verify(key, body, signature):
          if not hmac.compare_digest(new(key, body, "sha256").hexdigest(), signature):
              raise ValueError()
      """);
  }
}
