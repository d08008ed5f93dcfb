/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.InjectionSinks.Sink;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;

/**
 * Base of the taint rules: on each call, the rule's sink model names the arguments that must not carry request data;
 * only then the file's taint engine is asked whether request data reaches one. The issue is on the called function,
 * with the path from the source as a data flow.
 */
public abstract class TaintSinkCheck extends TaintEngineCheck {

  private final Kind kind;
  private final Function<CallExpression, List<Sink>> sinkModel;

  protected TaintSinkCheck(Kind kind, Function<CallExpression, List<Sink>> sinkModel) {
    this.kind = kind;
    this.sinkModel = sinkModel;
  }

  /** The kind of sink (selects the sanitizers). */
  protected Kind kind() {
    return kind;
  }

  /** The arguments of this call that must not carry request data. */
  protected List<Sink> sinks(CallExpression call) {
    return sinkModel.apply(call);
  }

  /** The issue message for a proven flow into the sink. */
  protected abstract String message(Sink sink, TaintFlow flow);

  /** The flow of request data into the sink argument; rules may refine which part of it matters. */
  protected Optional<TaintFlow> flow(Sink sink, SubscriptionContext ctx) {
    return engine(ctx).flowTo(sink.argument(), kind, ctx);
  }

  @Override
  protected void visitCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    for (Sink sink : sinks(call)) {
      Optional<TaintFlow> flow = flow(sink, ctx);
      if (flow.isPresent()) {
        flow.get().addTo(ctx.addIssue(call.callee(), message(sink, flow.get())));
        return;
      }
    }
  }
}
