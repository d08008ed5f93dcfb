/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.flow.TaintFlow;
import org.backendreview.semantics.security.InjectionSinks;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.InjectionSinks.Sink;
import org.backendreview.semantics.security.WritableModels;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Every key of request data copied into a model: {@code Model.objects.create(**request.data)},
 * {@code queryset.update(**request.POST.dict())}, {@code Model(**payload)} for Django, SQLAlchemy and SQLModel models,
 * {@code setattr(obj, key, value)} with keys from the request, {@code obj.__dict__.update(data)}; and DRF
 * {@code ModelSerializer}s with {@code fields = "__all__"}. A FastAPI Pydantic body copied with
 * {@code model_dump()} counts only when its schema accepts extra fields or declares a privileged field
 * ({@code is_admin}, {@code role}, {@code owner_id}...): a narrow schema is the allow-list.
 */
@Rule(key = "MassAssignment")
public class MassAssignmentCheck extends TaintSinkCheck {

  private static final Set<String> WRITE_METHODS = Set.of("create", "get_or_create", "update_or_create", "update", "bulk_update");

  @Override
  protected void register(Context context) {
    super.register(context);
    context.registerSyntaxNodeConsumer(Tree.Kind.CLASSDEF, MassAssignmentCheck::checkSerializer);
  }

  private static void checkSerializer(SubscriptionContext ctx) {
    ClassDef serializer = (ClassDef) ctx.syntaxNode();
    AssignmentStatement allFields = WritableModels.allFieldsOfModelSerializer(serializer);
    if (allFields == null) {
      return;
    }
    List<String> sensitive = WritableModels.writableSensitiveFields(serializer);
    if (!sensitive.isEmpty()) {
      String names = sensitive.stream().map(f -> "\"" + f + "\"").collect(java.util.stream.Collectors.joining(", "));
      ctx.addIssue(allFields, "List the fields of this serializer instead of \"__all__\": clients can set " + names
        + ", and every field added to the model later.").secondary(serializer.name(), "Model serializer");
    }
  }

  public MassAssignmentCheck() {
    super(Kind.MASS_ASSIGNMENT, MassAssignmentCheck::writeSinks);
  }

  private static List<Sink> writeSinks(CallExpression call) {
    Optional<String> method = Fqns.calleeName(call);
    List<Sink> sinks = new ArrayList<>();
    if (method.filter(WRITE_METHODS::contains).isPresent() && Fqns.receiver(call).isPresent() && InjectionSinks.isDjangoQuerySet(call)) {
      String api = InjectionSinks.receiverText(Fqns.receiver(call).get()) + "." + method.get() + "()";
      sinks.addAll(InjectionSinks.keywordUnpackings(call, api));
      Arguments.keyword(call, "defaults").ifPresent(d -> sinks.add(new Sink(call, d.expression(), api)));
    } else if (Arguments.hasKeywordUnpacking(call) && WritableModels.isOrmModelClass(call.callee())) {
      // a model class is only a sink with **kwargs: the costly class lookup waits for one
      sinks.addAll(InjectionSinks.keywordUnpackings(call, InjectionSinks.receiverText(call.callee()) + "()"));
    } else if (Fqns.isCallTo(call, "setattr")) {
      Arguments.positional(call, 1).ifPresent(name -> sinks.add(new Sink(call, name.expression(), "setattr()")));
    } else if (method.filter("update"::equals).isPresent() && Fqns.receiver(call).filter(r -> r instanceof QualifiedExpression q
      && "__dict__".equals(q.name().name())).isPresent()) {
      Arguments.positional(call, 0).ifPresent(data -> sinks.add(new Sink(call, data.expression(), "__dict__.update()")));
    }
    return sinks;
  }

  @Override
  protected Optional<TaintFlow> flow(Sink sink, SubscriptionContext ctx) {
    Optional<TaintFlow> flow = "setattr()".equals(sink.api()) ? super.flow(sink, ctx) : engine(ctx).keysFlowTo(sink.argument(), kind(), ctx);
    return flow.filter(MassAssignmentCheck::isUnrestricted);
  }

  /** A Pydantic request body limits the keys to its fields: only a permissive schema is a mass assignment. */
  private static boolean isUnrestricted(TaintFlow flow) {
    Tree location = flow.source().location();
    if (location instanceof Name name && name.parent() instanceof Parameter parameter && parameter.typeAnnotation() != null) {
      Expression annotation = parameter.typeAnnotation().expression();
      return WritableModels.isPermissiveSchema(annotation);
    }
    return true;
  }

  @Override
  protected String message(Sink sink, TaintFlow flow) {
    if ("setattr()".equals(sink.api())) {
      return "Check the attribute names from " + flow.sourceText() + " against an allow-list before calling setattr(): a client can set any attribute.";
    }
    return "Copy only the fields a client may set: \"" + sink.api() + "\" receives every key of " + flow.sourceText() + ".";
  }
}
