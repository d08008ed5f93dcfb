/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.sqlalchemy;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.testing.CheckVerifier;
import org.backendreview.testing.Samples;
import org.junit.jupiter.api.Test;

class SqlAlchemyLazyLoadInAsyncCheckTest {

  @Test
  void lazy_relationships_read_on_loaded_instances() {
    List<String> files = new ArrayList<>(Samples.project("sqlalchemy/sqlAlchemyShop"));
    files.addAll(Samples.project("sqlalchemy/sqlAlchemyLazyLoadInAsync"));
    CheckVerifier.verify(files, new SqlAlchemyLazyLoadInAsyncCheck());
  }
}
