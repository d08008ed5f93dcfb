/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SqlAlchemyAttributeAfterAsyncCommitCheckTest {

  @Test
  void attribute_reads_after_an_expiring_async_commit() {
    CheckVerifier.verify(Samples.file("sqlalchemy/sqlAlchemyAttributeAfterAsyncCommit.py"), new SqlAlchemyAttributeAfterAsyncCommitCheck());
  }
}
