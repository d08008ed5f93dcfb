/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.LocationInFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.ListLiteral;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tuple;
import org.sonar.plugins.python.api.types.v2.FunctionType;

/**
 * Receivers of Django's model signals ({@code pre_save}, {@code post_save}, {@code pre_delete}, {@code post_delete},
 * {@code m2m_changed}): functions decorated with {@code @receiver(signal, sender=...)} and functions of the same file
 * passed to {@code signal.connect(fn, sender=...)}. Signals are known by the FQN their import gives them. A function of
 * another module passed to {@code connect} ({@code AppConfig.ready()} connecting an imported function) is given by
 * {@link #connectedFromModule}: its definition is read from that module's {@link ModuleSummary} (its body's calls only).
 */
public final class DjangoSignals {

  private static final String SIGNALS = "django.db.models.signals.";
  private static final List<String> MODEL_SIGNALS = List.of("pre_save", "post_save", "pre_delete", "post_delete", "m2m_changed");
  private static final List<String> RECEIVER_DECORATORS = List.of("django.dispatch.receiver", "django.dispatch.dispatcher.receiver");

  private DjangoSignals() {
  }

  /**
   * A receiver of model signals.
   *
   * @param signals the model signals it receives ({@code post_save}...)
   * @param registration the decorator or {@code connect(...)} call that connects it
   * @param sender the {@code sender=} argument, or null when absent
   */
  public record Receiver(FunctionDef function, List<String> signals, org.sonar.plugins.python.api.tree.Tree registration,
    @Nullable Expression sender) {
  }

  /** The receiver a {@code @receiver(<model signal>, ...)} decorator makes of the function, or empty. */
  public static Optional<Receiver> decorated(FunctionDef function) {
    for (Decorator decorator : function.decorators()) {
      if (decorator.expression() instanceof CallExpression call && RECEIVER_DECORATORS.stream().anyMatch(f -> Fqns.isCallTo(call, f))) {
        List<String> signals = Arguments.value(call, 0, "signal").map(DjangoSignals::modelSignals).orElse(List.of());
        if (!signals.isEmpty()) {
          return Optional.of(new Receiver(function, signals, decorator, Arguments.value(call, -1, "sender").orElse(null)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * For {@code <model signal>.connect(fn, sender=...)} where {@code fn} is a function of this file, the receiver; empty
   * otherwise (also when {@code fn} already has a {@code @receiver} decorator, which {@link #decorated} reports).
   */
  public static Optional<Receiver> connected(CallExpression call) {
    if (!(Trees.skipParentheses(call.callee()) instanceof QualifiedExpression qualified) || !"connect".equals(qualified.name().name())) {
      return Optional.empty();
    }
    Optional<String> signal = modelSignal(qualified.qualifier());
    Optional<Expression> fn = Arguments.value(call, 0, "receiver");
    if (signal.isEmpty() || fn.isEmpty() || !(Trees.skipParentheses(fn.get()) instanceof Name name)) {
      return Optional.empty();
    }
    FunctionDef function = Trees.functionBoundTo(name);
    if (function == null || decorated(function).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new Receiver(function, List.of(signal.get()), call, Arguments.value(call, 1, "sender").orElse(null)));
  }

  /**
   * A receiver defined in another module of the project and connected here.
   *
   * @param module the summary of the module defining it
   * @param function its top-level definition there
   * @param signal the model signal ({@code post_save}...)
   * @param registration the {@code connect(...)} call
   */
  public record ImportedReceiver(ModuleSummary module, ModuleSummary.FunctionSummary function, String signal, CallExpression registration) {
  }

  /**
   * For {@code <model signal>.connect(fn, ...)} where {@code fn} is a top-level function of another module of the project
   * (imported, or read as {@code module.fn}) that has no {@code @receiver} decorator, the receiver; empty otherwise (a
   * function of this file is {@link #connected}; an unresolved or library function is unknown).
   */
  public static Optional<ImportedReceiver> connectedFromModule(CallExpression call, SubscriptionContext ctx) {
    if (!(Trees.skipParentheses(call.callee()) instanceof QualifiedExpression qualified) || !"connect".equals(qualified.name().name())) {
      return Optional.empty();
    }
    Optional<String> signal = modelSignal(qualified.qualifier());
    Optional<Expression> fn = Arguments.value(call, 0, "receiver");
    if (signal.isEmpty() || fn.isEmpty() || definedInThisFile(fn.get())
      || !(Trees.skipParentheses(fn.get()).typeV2() instanceof FunctionType function)) {
      return Optional.empty();
    }
    Optional<LocationInFile> location = function.definitionLocation();
    if (location.isEmpty() || location.get().fileId() == null || location.get().fileId().equals(ctx.pythonFile().key())) {
      return Optional.empty();
    }
    Optional<ModuleSummary> module = ModuleSources.summaryAt(location.get(), ctx);
    ModuleSummary.FunctionSummary summary = module.map(m -> m.functions().get(function.name())).orElse(null);
    if (summary == null || summary.nameRange().line() != location.get().startLine()) {
      return Optional.empty();
    }
    for (ModuleSummary.Value decorator : summary.decorators()) {
      if (RECEIVER_DECORATORS.contains(module.get().resolve(ModuleSummary.decoratorText(decorator)))) {
        return Optional.empty();
      }
    }
    return Optional.of(new ImportedReceiver(module.get(), summary, signal.get(), call));
  }

  private static List<String> modelSignals(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    List<Expression> elements = expr instanceof ListLiteral list ? list.elements().expressions()
      : expr instanceof Tuple tuple ? tuple.elements() : List.of(expr);
    List<String> signals = new ArrayList<>();
    for (Expression element : elements) {
      modelSignal(element).ifPresent(signals::add);
    }
    return signals;
  }

  private static Optional<String> modelSignal(Expression expression) {
    return Fqns.of(expression).filter(f -> f.startsWith(SIGNALS)).map(f -> f.substring(SIGNALS.length())).filter(MODEL_SIGNALS::contains);
  }

  /**
   * A name bound by a {@code def} of this file. The file ids of definition locations cannot tell it alone: a decorated
   * function's type may carry another form of this file's id than {@code pythonFile().key()} (lava's
   * {@code @log_exception def testjob_notifications} in the standalone runner).
   */
  private static boolean definedInThisFile(Expression expression) {
    return Trees.skipParentheses(expression) instanceof Name name && name.symbolV2() != null
      && name.symbolV2().usages().stream().anyMatch(u -> u.kind() == UsageV2.Kind.FUNC_DECLARATION);
  }
}
