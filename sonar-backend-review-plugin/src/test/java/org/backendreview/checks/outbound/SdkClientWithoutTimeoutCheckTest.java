/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.outbound;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SdkClientWithoutTimeoutCheckTest {

  @Test
  void llm_redis_mail() {
    CheckVerifier.verify(Samples.file("outbound/sdkClientWithoutTimeout.py"), new SdkClientWithoutTimeoutCheck());
  }

  @Test
  void litellm_module_timeout_and_default_socket_timeout() {
    CheckVerifier.verifyNoIssue(Samples.file("outbound/sdkClientWithoutTimeoutModuleDefaults.py"), new SdkClientWithoutTimeoutCheck());
  }

  @Test
  void quick_fixes() {
    QuickFixVerifier.verify(new SdkClientWithoutTimeoutCheck(),
      "from openai import OpenAI\nclient = OpenAI()\n",
      "from openai import OpenAI\nclient = OpenAI(timeout=60)\n");
    QuickFixVerifier.verify(new SdkClientWithoutTimeoutCheck(),
      "import redis\nr = redis.Redis(host='h')\n",
      "import redis\nr = redis.Redis(host='h', socket_timeout=5)\n");
    QuickFixVerifier.verifyNoQuickFixes(new SdkClientWithoutTimeoutCheck(), "from openai import OpenAI\nclient = OpenAI(*options)\n");
  }
}
