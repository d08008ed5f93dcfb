/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import javax.annotation.CheckForNull;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;

/**
 * Runs a subscription check in the shared tree walk but keeps its failures to itself: when one of its consumers
 * throws, the check stops for the rest of the file and its issues on that file are dropped, while the other checks
 * go on. (SonarQube loses all issues of the file in that case.) Issues raised through the wrapper name the wrapper
 * as their check, which is how they are mapped back to the rule.
 */
final class GuardedCheck extends PythonSubscriptionCheck {

  private final PythonSubscriptionCheck delegate;
  private final RuleInfo rule;
  private Throwable failure;

  GuardedCheck(PythonSubscriptionCheck delegate, RuleInfo rule) {
    this.delegate = delegate;
    this.rule = rule;
  }

  RuleInfo rule() {
    return rule;
  }

  /** What the check threw on the current file, or null. */
  @CheckForNull
  Throwable failure() {
    return failure;
  }

  @Override
  public void initialize(Context context) {
    failure = null;
    try {
      delegate.initialize((kind, consumer) -> context.registerSyntaxNodeConsumer(kind, ctx -> {
        if (failure == null) {
          try {
            consumer.accept(ctx);
          } catch (RuntimeException | StackOverflowError e) {
            failure = e;
          }
        }
      }));
    } catch (RuntimeException | StackOverflowError e) {
      failure = e;
    }
  }

  @Override
  public void leaveFile() {
    try {
      delegate.leaveFile();
    } catch (RuntimeException | StackOverflowError e) {
      if (failure == null) {
        failure = e;
      }
    }
  }

  @Override
  public CheckScope scope() {
    return delegate.scope();
  }
}
