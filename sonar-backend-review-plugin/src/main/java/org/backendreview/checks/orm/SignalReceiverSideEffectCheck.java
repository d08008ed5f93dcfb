/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.asyncio.BlockingCalls;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.django.DjangoSignals;
import org.backendreview.semantics.django.DjangoSignals.ImportedReceiver;
import org.backendreview.semantics.django.DjangoSignals.Receiver;
import org.backendreview.semantics.django.DjangoWrites;
import org.backendreview.semantics.messaging.OutboundEffects;
import org.backendreview.semantics.messaging.SummarizedEffects;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;

/**
 * A receiver of a model signal ({@code post_save}, {@code pre_save}, {@code m2m_changed}, {@code pre_delete},
 * {@code post_delete}) that makes an outbound call (HTTP request, e-mail, task dispatch, broker publish) or writes
 * another model than its sender. Only calls written directly in the receiver count (not in nested functions or
 * lambdas, so {@code transaction.on_commit(lambda: ...)} is fine), and {@code delay_on_commit} is not an effect.
 * <p>
 * A function of another module connected with {@code signal.connect(fn, ...)} (typically in {@code AppConfig.ready()})
 * is reported on the {@code connect(...)} call, because the module defining it cannot know it is a receiver. Its body
 * is read from that module's summary, untyped: e-mails, HTTP functions and task dispatches are found there, writes to
 * other models are not.
 */
@Rule(key = "SignalReceiverSideEffect")
public class SignalReceiverSideEffectCheck extends BackendReviewCheck {

  private static final String WRITE = "this write to ";

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, ctx -> DjangoSignals.decorated((FunctionDef) ctx.syntaxNode())
      .ifPresent(r -> check(r, ctx)));
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, ctx -> {
      CallExpression call = (CallExpression) ctx.syntaxNode();
      DjangoSignals.connected(call).ifPresent(r -> check(r, ctx));
      DjangoSignals.connectedFromModule(call, ctx).ifPresent(r -> checkImported(r, ctx));
    });
  }

  /**
   * A receiver of another module: the issue is raised on the {@code connect(...)} call (the module defining the function
   * cannot see that it is a receiver), with the effects as secondary locations in that module.
   */
  private static void checkImported(ImportedReceiver receiver, SubscriptionContext ctx) {
    List<SummarizedEffects.Effect> effects = SummarizedEffects.of(receiver.module(), receiver.function().name());
    if (effects.isEmpty()) {
      return;
    }
    SummarizedEffects.Effect first = effects.get(0);
    boolean deleting = receiver.signal().endsWith("_delete");
    String others = effects.size() == 1 ? "" : effects.size() == 2 ? " and 1 other side effect" : " and " + (effects.size() - 1) + " other side effects";
    PreciseIssue issue = ctx.addIssue(receiver.registration(), "Move the " + first.description() + " (\"" + first.what() + "\")" + others
      + " out of the " + receiver.signal() + " receiver \"" + receiver.function().name() + "\" connected here into the code that "
      + (deleting ? "deletes" : "saves") + " the model, or dispatch it with transaction.on_commit(): a signal receiver hides it from every "
      + "caller of " + (deleting ? "delete()" : "save()") + ".");
    for (SummarizedEffects.Effect effect : effects) {
      issue.secondary(effect.range().toLocation(receiver.module().fileId()), "Called by the receiver: " + effect.what());
    }
  }

  private static void check(Receiver receiver, SubscriptionContext ctx) {
    String where = "the " + receiver.signals().get(0) + " receiver \"" + receiver.function().name().name() + "\"";
    ClassType sender = receiver.sender() == null || !DjangoModels.isModelClass(receiver.sender()) ? null
      : DjangoModels.classType(receiver.sender().typeV2());
    boolean deleting = receiver.signals().stream().allMatch(s -> s.endsWith("_delete"));
    boolean postSave = receiver.signals().stream().allMatch("post_save"::equals);
    for (CallExpression call : Trees.descendantsInSameScope(receiver.function().body(), Tree.Kind.CALL_EXPR, CallExpression.class)) {
      String effect = effect(call, sender, ctx);
      if (effect != null && isWrite(effect) && (deleting || postSave && createsRowOf(call, receiver.function()))) {
        // a delete receiver's writes clean up rows that must go with the deleted one, in its transaction; a post_save
        // receiver creating the row that belongs to the instance (the profile of a new user) is Django's documented idiom
        continue;
      }
      if (effect != null) {
        ctx.addIssue(call, "Move " + effect + " out of " + where + " into the code that " + (deleting ? "deletes" : "saves")
          + " the model, or dispatch it with "
            + "transaction.on_commit(): a signal receiver hides it from every caller of " + (deleting ? "delete()" : "save()") + ".")
          .secondary(receiver.registration(), "Connected to " + String.join(", ", receiver.signals()) + " here");
      }
    }
  }

  private static boolean isWrite(String effect) {
    return effect.startsWith(WRITE);
  }

  /** {@code Profile.objects.create(user=instance)}: a create/get_or_create whose values read the receiver's instance. */
  private static boolean createsRowOf(CallExpression call, FunctionDef receiver) {
    if (Fqns.calleeName(call).filter(m -> Set.of("create", "get_or_create", "update_or_create").contains(m)).isEmpty()) {
      return false;
    }
    List<Parameter> parameters = receiver.parameters() == null ? List.of() : receiver.parameters().nonTuple();
    String instance = parameters.stream().map(Parameter::name).filter(n -> n != null && "instance".equals(n.name())).findFirst()
      .map(Name::name).orElse("instance");
    boolean[] reads = {false};
    Trees.walk(call, t -> true, t -> {
      if (t instanceof Name name && instance.equals(name.name()) && t != call.callee()) {
        reads[0] = true;
      }
    });
    return reads[0];
  }

  private static String effect(CallExpression call, ClassType sender, SubscriptionContext ctx) {
    Optional<OutboundEffects.Effect> outbound = OutboundEffects.of(call, ctx);
    if (outbound.isPresent()) {
      return outbound.get().onCommit() ? null : "this " + outbound.get().kind().description() + " (\"" + outbound.get().what() + "\")";
    }
    Optional<String> http = BlockingCalls.blockingHttp(call);
    if (http.isPresent()) {
      return "this HTTP call (\"" + http.get() + "\")";
    }
    if (sender == null) {
      return null;
    }
    Optional<DjangoWrites.Write> write = DjangoWrites.of(call, ctx);
    ClassType written = write.isEmpty() ? null : writtenModel(call, ctx);
    if (written == null || written.equals(sender) || written.fullyQualifiedName() == null
      || written.fullyQualifiedName().equals(sender.fullyQualifiedName())) {
      return null;
    }
    return WRITE + "\"" + written.name() + "\"";
  }

  private static ClassType writtenModel(CallExpression call, SubscriptionContext ctx) {
    Expression receiver = Trees.skipParentheses(Fqns.receiver(call).orElseThrow());
    Optional<DjangoQuerySets.QuerySet> qs = DjangoQuerySets.of(receiver, ctx);
    if (qs.isPresent()) {
      return qs.get().model();
    }
    if (receiver instanceof Name name) {
      return DjangoModels.instanceOrigin(name, ctx).map(DjangoModels.InstanceOrigin::model).orElse(null);
    }
    return null;
  }
}
