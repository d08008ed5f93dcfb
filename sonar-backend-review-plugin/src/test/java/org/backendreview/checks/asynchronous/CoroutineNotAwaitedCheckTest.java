/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.asynchronous;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.QuickFixVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class CoroutineNotAwaitedCheckTest {

  @Test
  void coroutines_never_awaited() {
    CheckVerifier.verify(Samples.file("asynchronous/coroutineNotAwaited.py"), new CoroutineNotAwaitedCheck());
  }

  private static final String SESSION = """
    from sqlalchemy.ext.asyncio import AsyncSession

    """;

  @Test
  void quick_fix_awaits_the_call_in_a_coroutine() {
    QuickFixVerifier.verify(new CoroutineNotAwaitedCheck(),
      SESSION + "async def save(session: AsyncSession, entity):\n    session.add(entity)\n    session.commit()\n",
      SESSION + "async def save(session: AsyncSession, entity):\n    session.add(entity)\n    await session.commit()\n");
  }

  @Test
  void no_quick_fix_where_await_is_not_allowed() {
    QuickFixVerifier.verifyNoQuickFixes(new CoroutineNotAwaitedCheck(),
      SESSION + "async def outer(session: AsyncSession):\n    def inner():\n        session.commit()\n    inner()\n");
  }
}
