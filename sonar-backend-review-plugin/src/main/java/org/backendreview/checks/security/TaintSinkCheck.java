/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.InjectionSinks.Sink;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Base of the taint rules: on each call, the rule's sink model names the arguments that must not carry request data;
 * only then the file's taint engine is asked whether request data reaches one. The issue is on the called function,
 * with the path from the source as a data flow. One mistake, one finding: when the same read of request data reaches
 * several sinks of the file (a {@code next} parameter redirected to from three branches), the first sink carries the
 * issue and the others are its secondary locations.
 */
public abstract class TaintSinkCheck extends TaintEngineCheck {

  private final Kind kind;
  private final Function<CallExpression, List<Sink>> sinkModel;
  /** The issue of each source already reported in this file. */
  private final Map<Tree, PreciseIssue> issuesBySource = new IdentityHashMap<>();

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

  /** The arguments of this call that must not carry request data, for sink models that read other modules (default: {@link #sinks(CallExpression)}). */
  protected List<Sink> sinks(CallExpression call, SubscriptionContext ctx) {
    return sinks(call);
  }

  /** The issue message for a proven flow into the sink. */
  protected abstract String message(Sink sink, TaintFlow flow);

  /** The flow of request data into the sink argument; rules may refine which part of it matters. */
  protected Optional<TaintFlow> flow(Sink sink, SubscriptionContext ctx) {
    return engine(ctx).flowTo(sink.argument(), kind, ctx);
  }

  @Override
  protected void register(Context context) {
    super.register(context);
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> issuesBySource.clear());
  }

  @Override
  public void leaveFile() {
    super.leaveFile();
    issuesBySource.clear();
  }

  @Override
  protected void visitCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    for (Sink sink : sinks(call, ctx)) {
      Optional<TaintFlow> flow = flow(sink, ctx);
      if (flow.isPresent()) {
        Tree source = flow.get().source().location();
        PreciseIssue first = issuesBySource.get(source);
        if (first != null) {
          first.secondary(call.callee(), "The same data reaches " + sink.api() + " here.");
        } else {
          issuesBySource.put(source, flow.get().addTo(ctx.addIssue(call.callee(), message(sink, flow.get()))));
        }
        return;
      }
    }
  }
}
