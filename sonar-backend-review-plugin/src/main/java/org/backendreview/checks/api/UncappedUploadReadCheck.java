/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.AsyncContext;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.fastapi.Pydantic;
import org.backendreview.semantics.http.ClientObjects;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.security.RequestSources;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Api;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.ValueResolver;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.CompoundAssignmentStatement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A handler pulls a whole upload or request body into memory with no size cap:
 * {@code await file.read()} on a FastAPI/Starlette {@code UploadFile} (or on the loop variable over a
 * {@code list[UploadFile]} parameter), {@code await request.body()} on a Starlette
 * request, an {@code async for chunk in request.stream()} loop that accumulates every chunk without a check, or
 * {@code request.FILES[...].read()} in Django (whose {@code FILE_UPLOAD_MAX_MEMORY_SIZE} only decides when an upload
 * spills to disk; {@code read()} loads it whole anyway). Silent when the function looks at a size first (an upload's
 * {@code .size}, Django's {@code multiple_chunks()}, a {@code Content-Length} header), reads with an argument
 * ({@code read(CHUNK)}), or streams ({@code chunks()}, {@code shutil.copyfileobj(file.file, ...)}). Django's
 * {@code request.body} is capped by {@code DATA_UPLOAD_MAX_MEMORY_SIZE} and not reported, nor is {@code request.body()} in a
 * FastAPI path operation that declares a body parameter (FastAPI read the body first; the handler gets cached bytes), nor in
 * the app a route-handler factory builds and returns (FastAPI's own {@code get_request_handler}, a custom route class): that
 * is the framework's machinery validating the body, the cap belongs to the server.
 */
@Rule(key = "UncappedUploadRead")
public class UncappedUploadReadCheck extends BackendReviewCheck {

  private static final Set<String> FILES_GETTERS = Set.of("get", "getlist", "values", "__getitem__");
  private static final Set<String> SIZE_ATTRIBUTES = Set.of("size", "multiple_chunks", "tell", "_size");
  private static final Set<String> ACCUMULATORS = Set.of("append", "extend", "write");
  private static final Set<String> LISTS = Api.anyOf(PythonApi.LIST, PythonApi.SEQUENCE).fqns();

  private boolean webModule;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> webModule = AnalysisContext.of(ctx).importsWebFramework());
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::checkCall);
    context.registerSyntaxNodeConsumer(Tree.Kind.FOR_STMT, UncappedUploadReadCheck::checkStream);
  }

  private void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (!(Trees.skipParentheses(call.callee()) instanceof QualifiedExpression callee)) {
      return;
    }
    String method = callee.name().name();
    Expression receiver = Trees.skipParentheses(callee.qualifier());
    FunctionDef function = Trees.enclosingFunction(call);
    if (function == null || ValueResolver.isSelf(receiver) || RequestHandlers.isBuiltByFactory(function)) {
      // self.body() inside a request class, the app a route-handler factory returns: the framework's own machinery
      return;
    }
    if ("read".equals(method) && readsEverything(call)) {
      if (AsyncContext.isAwaited(call) && (ClientObjects.isA(receiver, ClientObjects.UPLOAD_FILE) || isUploadListElement(receiver))) {
        if (!checksSize(function)) {
          ctx.addIssue(call, "Read \"" + SourceText.of(receiver) + "\" in bounded chunks or reject it above a maximum size first: \""
            + SourceText.call(call) + "\" loads the whole upload into memory.");
        }
      } else if (webModule && isDjangoUpload(receiver, function, ctx) && !checksSize(function)) {
        ctx.addIssue(call, "Iterate over \"" + SourceText.of(receiver) + ".chunks()\" or reject it above a maximum size first: \""
          + SourceText.call(call) + "\" loads the whole upload into memory.");
      }
    } else if ("body".equals(method) && call.arguments().isEmpty() && AsyncContext.isAwaited(call) && ClientObjects.isA(receiver, ClientObjects.STARLETTE_REQUEST)
      && !checksSize(function) && !bodyAlreadyParsed(function)) {
      ctx.addIssue(call, "Reject request bodies above a maximum size (\"Content-Length\" and a capped read of \"request.stream()\") before \""
        + SourceText.call(call) + "\": it loads the whole body into memory.");
    }
  }

  /**
   * True for a FastAPI path operation that declares a body, form or file parameter: FastAPI has read the whole body
   * before the handler runs and {@code request.body()} returns the cached bytes (a webhook verifying the signature of
   * the payload it parsed), so the handler can no longer cap the read.
   */
  private static boolean bodyAlreadyParsed(FunctionDef function) {
    return FastApi.route(function).filter(route -> FastApi.params(route).stream()
      .anyMatch(p -> p.kind() == FastApi.ParamKind.BODY || p.kind() == FastApi.ParamKind.FORM || p.kind() == FastApi.ParamKind.FILE)).isPresent();
  }

  /** {@code async for chunk in request.stream(): body += chunk} with no test in the loop. */
  private static void checkStream(SubscriptionContext ctx) {
    ForStatement loop = (ForStatement) ctx.syntaxNode();
    if (!loop.isAsync() || loop.testExpressions().size() != 1
      || !(Trees.skipParentheses(loop.testExpressions().get(0)) instanceof CallExpression call)
      || !(Trees.skipParentheses(call.callee()) instanceof QualifiedExpression callee) || !"stream".equals(callee.name().name())
      || ValueResolver.isSelf(callee.qualifier()) || !ClientObjects.isA(callee.qualifier(), ClientObjects.STARLETTE_REQUEST)) {
      return;
    }
    FunctionDef function = Trees.enclosingFunction(loop);
    if (function == null || RequestHandlers.isBuiltByFactory(function) || checksSize(function) || !accumulatesWithoutTest(loop)) {
      return;
    }
    ctx.addIssue(call, "Stop reading \"" + SourceText.call(call) + "\" above a maximum size: this loop keeps every chunk of the body in memory.");
  }

  private static boolean accumulatesWithoutTest(ForStatement loop) {
    boolean[] accumulates = {false};
    boolean[] tests = {false};
    Trees.walk(loop.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t.is(Tree.Kind.IF_STMT, Tree.Kind.BREAK_STMT, Tree.Kind.RAISE_STMT, Tree.Kind.RETURN_STMT, Tree.Kind.CONDITIONAL_EXPR, Tree.Kind.ASSERT_STMT)) {
        tests[0] = true;
      } else if (t instanceof CompoundAssignmentStatement compound && "+=".equals(compound.compoundAssignmentToken().value())) {
        accumulates[0] = true;
      } else if (t instanceof CallExpression call && Trees.skipParentheses(call.callee()) instanceof QualifiedExpression q
        && ACCUMULATORS.contains(q.name().name()) && call.arguments().size() == 1) {
        accumulates[0] = true;
      }
    });
    return accumulates[0] && !tests[0];
  }

  /**
   * The loop variable of {@code for file in files}, where {@code files} is a parameter annotated
   * {@code list[UploadFile]}/{@code List[UploadFile]} (also inside {@code Optional}/{@code Annotated}).
   */
  private static boolean isUploadListElement(Expression expression) {
    if (!(expression instanceof Name name) || name.symbolV2() == null) {
      return false;
    }
    Optional<UsageV2> binding = name.symbolV2().getSingleBindingUsage();
    if (binding.isEmpty() || binding.get().kind() != UsageV2.Kind.LOOP_DECLARATION
      || !(Trees.firstAncestor(binding.get().tree(), Tree.Kind.FOR_STMT) instanceof ForStatement loop) || loop.testExpressions().size() != 1
      || !(Trees.skipParentheses(loop.testExpressions().get(0)) instanceof Name collection) || collection.symbolV2() == null) {
      return false;
    }
    Optional<UsageV2> parameter = collection.symbolV2().getSingleBindingUsage();
    if (parameter.isEmpty() || parameter.get().kind() != UsageV2.Kind.PARAMETER
      || !(parameter.get().tree().parent() instanceof Parameter declared) || declared.typeAnnotation() == null) {
      return false;
    }
    return isUploadList(Pydantic.unwrapAnnotated(declared.typeAnnotation().expression()).get(0));
  }

  private static boolean isUploadList(Expression annotation) {
    Expression type = Trees.skipParentheses(annotation);
    if (type instanceof org.sonar.plugins.python.api.tree.BinaryExpression union && type.is(Tree.Kind.BITWISE_OR)) {
      return isUploadList(union.leftOperand()) || isUploadList(union.rightOperand());
    }
    if (!(type instanceof SubscriptionExpression subscription) || subscription.subscripts().expressions().size() != 1) {
      return false;
    }
    Optional<String> container = Fqns.of(subscription.object());
    Expression element = subscription.subscripts().expressions().get(0);
    if (container.filter(PythonApi.OPTIONAL::contains).isPresent()) {
      return isUploadList(element);
    }
    return container.filter(LISTS::contains).isPresent() && ClientObjects.annotationClass(element).filter(ClientObjects.UPLOAD_FILE::equals).isPresent();
  }

  /** {@code read()}, {@code read(-1)}, {@code read(None)}. */
  private static boolean readsEverything(CallExpression call) {
    if (call.arguments().isEmpty()) {
      return true;
    }
    if (call.arguments().size() != 1 || !(call.arguments().get(0) instanceof org.sonar.plugins.python.api.tree.RegularArgument argument)) {
      return false;
    }
    Expression value = Trees.skipParentheses(argument.expression());
    return Literals.isNone(value) || value.is(Tree.Kind.UNARY_MINUS) && "-1".equals(SourceText.of(value).replace(" ", ""));
  }

  /**
   * {@code request.FILES["f"]}, {@code request.FILES.get("f")}, or a name assigned once from one of them or looping
   * over {@code request.FILES.getlist("f")}/{@code .values()}, where {@code request} is the request of a Django view.
   */
  private static boolean isDjangoUpload(Expression expression, FunctionDef function, SubscriptionContext ctx) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof Name name) {
      Optional<Expression> assigned = ValueResolver.singleAssignedValue(name);
      if (assigned.isPresent()) {
        return isFilesRead(assigned.get(), function, ctx, false);
      }
      SymbolV2 symbol = name.symbolV2();
      if (symbol != null && symbol.usages().stream().filter(u -> u.kind() == UsageV2.Kind.LOOP_DECLARATION)
        .count() == 1 && symbol.getSingleBindingUsage().isPresent()) {
        Tree loop = Trees.firstAncestor(symbol.getSingleBindingUsage().get().tree(), Tree.Kind.FOR_STMT);
        return loop instanceof ForStatement forStatement && forStatement.testExpressions().size() == 1
          && isFilesRead(forStatement.testExpressions().get(0), function, ctx, true);
      }
      return false;
    }
    return isFilesRead(expr, function, ctx, false);
  }

  private static boolean isFilesRead(Expression expression, FunctionDef function, SubscriptionContext ctx, boolean collection) {
    Expression expr = Trees.skipParentheses(expression);
    Expression files;
    String getter;
    if (expr instanceof SubscriptionExpression subscription) {
      files = Trees.skipParentheses(subscription.object());
      getter = "__getitem__";
    } else if (expr instanceof CallExpression call && Trees.skipParentheses(call.callee()) instanceof QualifiedExpression q) {
      files = Trees.skipParentheses(q.qualifier());
      getter = q.name().name();
    } else {
      return false;
    }
    if (!FILES_GETTERS.contains(getter) || collection != ("getlist".equals(getter) || "values".equals(getter))) {
      return false;
    }
    if (!(files instanceof QualifiedExpression filesAttribute) || !"FILES".equals(filesAttribute.name().name())) {
      return false;
    }
    Expression request = Trees.skipParentheses(filesAttribute.qualifier());
    if (RequestSources.isSelfRequest(request)) {
      return true;
    }
    if (!(request instanceof Name requestName) || requestName.symbolV2() == null) {
      return false;
    }
    RequestSources.FunctionSources sources = RequestSources.of(function, ctx, true);
    return sources.requestObjects().stream().anyMatch(n -> n.symbolV2() == requestName.symbolV2());
  }

  /**
   * True when the function looks at a size before (or instead of) reading everything: {@code file.size},
   * {@code f.multiple_chunks()}, {@code file.file.tell()}, a {@code Content-Length} header.
   */
  private static boolean checksSize(FunctionDef function) {
    boolean[] found = {false};
    Trees.walk(function.body(), t -> !found[0], t -> {
      if (t instanceof QualifiedExpression qualified && SIZE_ATTRIBUTES.contains(qualified.name().name())) {
        found[0] = true;
      } else if (t instanceof StringLiteral literal) {
        String value = literal.trimmedQuotesValue().toLowerCase(Locale.ROOT);
        if (value.contains("content-length") || value.contains("content_length")) {
          found[0] = true;
        }
      }
    });
    return found[0];
  }
}
