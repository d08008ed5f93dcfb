/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.flow.TaintEngine;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A check that asks the taint engine about calls. The engine is the file's one ({@link TaintEngine#of}), shared by
 * every taint rule: the file is analysed once for taint.
 */
public abstract class TaintEngineCheck extends BackendReviewCheck {

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::visitCall);
  }

  /** Called for every call of the file. */
  protected abstract void visitCall(SubscriptionContext ctx);

  /** The taint engine of the file being analysed. */
  protected static TaintEngine engine(SubscriptionContext ctx) {
    return TaintEngine.of(ctx);
  }
}
