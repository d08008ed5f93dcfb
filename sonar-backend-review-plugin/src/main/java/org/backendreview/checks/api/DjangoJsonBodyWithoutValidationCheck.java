/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.django.DjangoWrites;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.semantics.security.RequestSources;
import org.backendreview.semantics.web.RequestHandlers.Handler;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.LocalResource;
import org.backendreview.tree.SourceText;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A Django view parses its body itself ({@code data = json.loads(request.body)}) and writes fields of
 * it straight to the database ({@code Model.objects.create(title=data["title"])}, {@code obj.title = data.get("title")}
 * on a model instance) with no form, serializer or schema in between. Silent as soon as the function hands the whole
 * parsed body to any call ({@code Form(data)}, {@code Serializer(data=data)}, {@code Schema.model_validate(data)},
 * {@code jsonschema.validate(data, ...)}, a helper of the project), checks a field's type ({@code isinstance}) or calls
 * something named like a validation ({@code validate}, {@code full_clean}, {@code is_valid}).
 */
@Rule(key = "DjangoJsonBodyWithoutValidation")
public class DjangoJsonBodyWithoutValidationCheck extends BackendReviewCheck {

  private static final Set<String> JSON_LOADS = PythonApi.JSON_LOADS.fqns();

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, DjangoJsonBodyWithoutValidationCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    Optional<Handler> handler = RequestHandlers.of(function, ctx);
    if (handler.isEmpty() || handler.get().framework() != RequestHandlers.Framework.DJANGO && handler.get().framework() != RequestHandlers.Framework.DRF) {
      return;
    }
    Name request = handler.get().requestParameter();
    List<CallExpression> calls = Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class);
    if (calls.stream().anyMatch(DjangoJsonBodyWithoutValidationCheck::validates)) {
      return;
    }
    for (CallExpression call : calls) {
      if (Fqns.ofCallee(call).filter(JSON_LOADS::contains).isPresent() && readsBody(call, request)
        && assignedName(call) instanceof Name data) {
        checkParsedBody(ctx, call, data);
      }
    }
  }

  /** {@code isinstance(...)}, {@code *.validate(...)}, {@code form.is_valid()}, {@code obj.full_clean()}, ... */
  private static boolean validates(CallExpression call) {
    String name = Fqns.calleeName(call).orElse("").toLowerCase(Locale.ROOT);
    return name.equals("isinstance") || name.contains("valid") || name.contains("clean") || name.contains("schema");
  }

  /** {@code json.loads(request.body)}, {@code json.loads(request.body.decode(...))}, {@code json.load(request)}. */
  private static boolean readsBody(CallExpression loads, Name request) {
    Optional<Expression> argument = Arguments.value(loads, 0, "s").or(() -> Arguments.value(loads, 0, "fp"));
    if (argument.isEmpty()) {
      return false;
    }
    Expression expr = Trees.skipParentheses(argument.get());
    if (expr instanceof CallExpression decode && Fqns.calleeName(decode).filter("decode"::equals).isPresent() && Fqns.receiver(decode).isPresent()) {
      expr = Trees.skipParentheses(Fqns.receiver(decode).get());
    }
    if (expr instanceof QualifiedExpression body && "body".equals(body.name().name())) {
      return isRequest(body.qualifier(), request);
    }
    return PythonApi.JSON_LOAD.isCalledBy(loads) && isRequest(expr, request);
  }

  private static boolean isRequest(Expression expression, Name request) {
    Expression expr = Trees.skipParentheses(expression);
    if (RequestSources.isSelfRequest(expr)) {
      return true;
    }
    return request != null && expr instanceof Name name && name.symbolV2() != null && name.symbolV2() == request.symbolV2();
  }

  /** The name in {@code name = <call>}, when that is the name's only binding. */
  private static Name assignedName(CallExpression call) {
    Name name = LocalResource.assignedLocal(call);
    return name != null && name.symbolV2() != null && name.symbolV2().getSingleBindingUsage().isPresent() ? name : null;
  }

  private static void checkParsedBody(SubscriptionContext ctx, CallExpression loads, Name data) {
    List<Tree> writes = new ArrayList<>();
    List<Expression> fieldReads = new ArrayList<>();
    for (UsageV2 usage : data.symbolV2().usages()) {
      if (usage.isBindingUsage()) {
        continue;
      }
      Tree use = usage.tree();
      Optional<Expression> field = fieldRead(use);
      if (field.isPresent()) {
        fieldReads.add(field.get());
      } else if (isWholePass(use)) {
        // handed to code that may validate it: Form(data), validate(data), helper(data)
        return;
      }
    }
    for (Expression field : fieldReads) {
      writeOf(field, ctx).ifPresent(writes::add);
      // one hop: title = data["title"]; Model.objects.create(title=title)
      if (field.parent() instanceof AssignmentStatement assignment && assignment.assignedValue() == field && assignment.lhsExpressions().size() == 1
        && assignment.lhsExpressions().get(0).expressions().size() == 1 && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name local
        && local.symbolV2() != null && ValueResolver.singleAssignedValue(local).filter(v -> v == field).isPresent()) {
        for (UsageV2 usage : local.symbolV2().usages()) {
          if (!usage.isBindingUsage() && usage.tree() instanceof Name use) {
            if (isWholePass(use) && !(use.parent() instanceof RegularArgument argument && argument.parent() != null
              && argument.parent().parent() instanceof CallExpression call && DjangoWrites.of(call, ctx).isPresent())) {
              // the field goes through a helper or a conversion before the write
              continue;
            }
            writeOf(use, ctx).ifPresent(writes::add);
          }
        }
      }
    }
    if (writes.isEmpty()) {
      return;
    }
    Tree first = writes.get(0);
    var issue = ctx.addIssue(loads, "Validate this JSON body with a Django form, a DRF serializer or a schema before writing its fields: \""
      + SourceText.of(first) + "\" is stored as sent.");
    for (Tree write : writes) {
      issue.secondary(write, "Unvalidated field written");
    }
  }

  /** {@code data["k"]} or {@code data.get("k", ...)} for a usage {@code data}. */
  private static Optional<Expression> fieldRead(Tree use) {
    Tree parent = use.parent();
    if (parent instanceof SubscriptionExpression subscription && subscription.object() == use && subscription.subscripts().expressions().size() == 1
      && Literals.stringValue(subscription.subscripts().expressions().get(0)).isPresent()) {
      return Optional.of(subscription);
    }
    if (parent instanceof QualifiedExpression qualified && qualified.qualifier() == use && "get".equals(qualified.name().name())
      && qualified.parent() instanceof CallExpression call && call.callee() == qualified
      && Arguments.value(call, 0, "key").flatMap(Literals::stringValue).isPresent()) {
      return Optional.of(call);
    }
    return Optional.empty();
  }

  /** The usage is a plain argument of a call ({@code f(data)}, {@code Form(data=data)}), not an unpacking. */
  private static boolean isWholePass(Tree use) {
    return use.parent() instanceof RegularArgument argument && Trees.skipParentheses(argument.expression()) == use;
  }

  /**
   * The write a value goes to directly: an argument of a Django ORM write or model constructor, or the value of
   * {@code instance.attr = value} on a proven model instance.
   */
  private static Optional<Tree> writeOf(Expression value, SubscriptionContext ctx) {
    Tree parent = value.parent();
    if (parent instanceof RegularArgument argument && argument.parent() != null && argument.parent().parent() instanceof CallExpression call) {
      if (DjangoWrites.of(call, ctx).isPresent() || DjangoModels.isModelClass(call.callee())) {
        return Optional.of(value);
      }
      return Optional.empty();
    }
    if (parent instanceof AssignmentStatement assignment && assignment.assignedValue() == value) {
      for (ExpressionList targets : assignment.lhsExpressions()) {
        for (Expression target : targets.expressions()) {
          if (target instanceof QualifiedExpression attribute && attribute.qualifier() instanceof Name instance
            && DjangoModels.instanceOrigin(instance, ctx).isPresent()) {
            return Optional.of(value);
          }
        }
      }
    }
    return Optional.empty();
  }
}
