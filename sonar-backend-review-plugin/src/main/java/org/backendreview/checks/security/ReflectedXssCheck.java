/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.security.InjectionSinks;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.InjectionSinks.Sink;
import org.backendreview.semantics.security.RequestSources;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Request data written unescaped into HTML: a Django {@code HttpResponse} (text/html by default), a FastAPI
 * {@code HTMLResponse}, a Flask response, or marked safe with {@code mark_safe}/{@code SafeString}/{@code Markup}, or
 * formatted into the template string of {@code format_html}. Constant markup and escaped values are not reported
 * (unlike rules that flag every {@code mark_safe}).
 */
@Rule(key = "ReflectedXss")
public class ReflectedXssCheck extends TaintSinkCheck {

  public ReflectedXssCheck() {
    super(Kind.XSS, InjectionSinks::html);
  }

  @Override
  protected void register(Context context) {
    super.register(context);
    context.registerSyntaxNodeConsumer(Tree.Kind.RETURN_STMT, this::visitReturn);
  }

  /** A Flask view, or a FastAPI path operation declared with {@code response_class=HTMLResponse}, returning HTML text. */
  private void visitReturn(SubscriptionContext ctx) {
    ReturnStatement statement = (ReturnStatement) ctx.syntaxNode();
    if (statement.expressions().isEmpty()) {
      return;
    }
    Expression value = Trees.skipParentheses(statement.expressions().get(0));
    FunctionDef function = Trees.enclosingFunction(statement);
    if (function == null || !isText(value) || !InjectionSinks.returnsHtml(function, ctx)) {
      return;
    }
    engine(ctx).flowTo(value, Kind.XSS, ctx).ifPresent(flow -> flow.addTo(ctx.addIssue(value,
      "Escape " + flow.sourceText() + " before returning it as HTML from this view.")));
  }

  private static boolean isText(Expression value) {
    return value.is(Tree.Kind.STRING_LITERAL, Tree.Kind.PLUS, Tree.Kind.MODULO)
      || value instanceof CallExpression call && Fqns.calleeName(call).filter("format"::equals).isPresent()
      || RequestSources.isTextField(value)
      || value instanceof Name name && ValueResolver.singleAssignedValue(name).filter(v -> isText(Trees.skipParentheses(v))).isPresent();
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    String api = sink.api();
    if ("format_html()".equals(api)) {
      return "Pass " + flow.sourceText() + " as an argument of format_html() instead of formatting it into the template string.";
    }
    if ("mark_safe()".equals(api) || api.startsWith("Safe") || "Markup()".equals(api)) {
      return "Do not mark " + flow.sourceText() + " as safe HTML; escape it, or build the markup with format_html().";
    }
    return "Escape " + flow.sourceText() + " before writing it into this HTML response.";
  }
}
