/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics;

import java.util.ArrayList;
import java.util.List;
import org.backendreview.testing.Analysis;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class DjangoSignalsTest {

  private static final String CODE = """
    from django.db.models import signals
    from django.db.models.signals import post_save, pre_delete, request_finished
    from django.core.signals import request_started
    from django.dispatch import receiver, Signal

    @receiver([post_save, pre_delete], sender="shop.Book")
    def both(sender, **kwargs): pass

    @receiver(request_started)
    def not_a_model_signal(sender, **kwargs): pass

    @receiver(signal=signals.m2m_changed)
    def by_keyword(sender, **kwargs): pass

    def connected(sender, **kwargs): pass
    def decorated_and_connected(sender, **kwargs): pass

    signals.post_delete.connect(connected, sender="shop.Book")
    post_save.connect(both)
    custom = Signal()
    custom.connect(connected)
    """;

  @Test
  void decorated_receivers_of_model_signals() {
    List<String> found = new ArrayList<>();
    Analysis.onEach("shop/signals.py", CODE, Tree.Kind.FUNCDEF, (tree, ctx) -> DjangoSignals.decorated((FunctionDef) tree)
      .ifPresent(r -> found.add(r.function().name().name() + r.signals() + (r.sender() != null))));
    assertThat(found).containsExactly("both[post_save, pre_delete]true", "by_keyword[m2m_changed]false");
  }

  @Test
  void connected_functions_of_the_same_module() {
    List<String> found = new ArrayList<>();
    Analysis.onEach("shop/signals.py", CODE, Tree.Kind.CALL_EXPR, (tree, ctx) -> DjangoSignals.connected((CallExpression) tree)
      .ifPresent(r -> found.add(r.function().name().name() + r.signals() + (r.sender() != null))));
    // post_save.connect(both) is left to the decorator; custom signals are not model signals
    assertThat(found).containsExactly("connected[post_delete]true");
  }
}
