/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.function.Consumer;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.flow.TaintEngine;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A check that asks the taint engine about calls. The engine and its caches live for one file: created on
 * {@code FILE_INPUT}, dropped when the file is left (check instances are shared between files).
 */
public abstract class TaintEngineCheck extends BackendReviewCheck {

  private TaintEngine engine;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> engine = new TaintEngine((FileInput) ctx.syntaxNode()));
    Consumer<SubscriptionContext> calls = this::visitCall;
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, ctx -> {
      if (engine != null) {
        calls.accept(ctx);
      }
    });
  }

  @Override
  public void leaveFile() {
    engine = null;
  }

  /** Called for every call of the file. */
  protected abstract void visitCall(SubscriptionContext ctx);

  protected TaintEngine engine() {
    return engine;
  }
}
