/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.security.InjectionSinks;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.InjectionSinks.Sink;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.UnpackingExpression;

/**
 * Request data chooses the structure of an ORM query: the field names of Django {@code order_by()},
 * {@code values()}, {@code values_list()}, the lookups of {@code filter(**...)}/{@code Q(**...)}, or SQLAlchemy
 * {@code order_by(text(...))}. A client can then order or filter by any field, including related ones such as
 * {@code user__password}, and read it back one bit at a time. Values passed under fixed lookups are fine.
 */
@Rule(key = "QueryStructureInjection")
public class QueryStructureInjectionCheck extends TaintSinkCheck {

  public QueryStructureInjectionCheck() {
    super(Kind.QUERY_STRUCTURE, QueryStructureInjectionCheck::structureSinks);
  }

  private static List<Sink> structureSinks(CallExpression call) {
    List<Sink> sinks = new ArrayList<>(InjectionSinks.fieldNames(call));
    sinks.addAll(InjectionSinks.lookupKeywords(call));
    return sinks;
  }

  @Override
  protected Optional<TaintFlow> flow(Sink sink, SubscriptionContext ctx) {
    if (isKeywordUnpacking(sink)) {
      return engine(ctx).keysFlowTo(sink.argument(), kind(), ctx);
    }
    return super.flow(sink, ctx);
  }

  private static boolean isKeywordUnpacking(Sink sink) {
    return sink.argument().parent() instanceof UnpackingExpression unpacking && "**".equals(unpacking.starToken().value());
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    if (isKeywordUnpacking(sink)) {
      return "Check the keys of " + flow.sourceText() + " against an allow-list of lookups before passing them to " + sink.api() + ".";
    }
    return "Check " + flow.sourceText() + " against an allow-list of field names before passing it to " + sink.api() + ".";
  }
}
