/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.celery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.semantics.project.ModuleSummary.Dotted;
import org.backendreview.semantics.project.ModuleSummary.FunctionSummary;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.DictionaryLiteralElement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.types.v2.FunctionType;

/**
 * Celery (and django-rq) task dispatch: {@code task.delay(...)}, {@code task.apply_async(args=..., kwargs=...)},
 * signatures ({@code task.s(...).delay()}, {@code group(...).apply_async()}), {@code app.send_task(...)}, and the
 * commit-aware {@code delay_on_commit}/{@code apply_async_on_commit} (Celery 5.4).
 * <p>
 * A function is a task when its definition (read through the frontend's types and {@link ModuleSources}, also in
 * another module) is decorated with {@code @shared_task}, {@code @<app>.task} (with or without arguments) or
 * {@code @job} (django-rq). Unknown receivers are not tasks.
 */
public final class CeleryTasks {

  private static final Set<String> DISPATCH = Set.of("delay", "apply_async");
  private static final Set<String> ON_COMMIT_DISPATCH = Set.of("delay_on_commit", "apply_async_on_commit");
  private static final Set<String> SIGNATURES = Set.of("s", "si", "signature");
  private static final Set<String> CANVAS = Set.of("celery.group", "celery.chain", "celery.chord", "celery.signature",
    "celery.canvas.group", "celery.canvas.chain", "celery.canvas.chord", "celery.canvas.Signature", "celery.canvas.signature");

  private CeleryTasks() {
  }

  public enum Kind {
    /** Sent to the broker now. */
    IMMEDIATE,
    /** Sent when the transaction commits ({@code delay_on_commit}). */
    ON_COMMIT
  }

  /**
   * A dispatch.
   *
   * @param task the task expression ({@code send_receipt} in {@code send_receipt.delay(...)}), null for send_task
   * @param arguments the task's arguments as passed (positional and keyword values)
   */
  public record Dispatch(CallExpression call, Kind kind, String method, Expression task, List<Expression> arguments) {
  }

  /** The dispatch this call is, if it is one. */
  public static Optional<Dispatch> dispatch(CallExpression call, SubscriptionContext ctx) {
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> receiver = Fqns.receiver(call);
    if (method.isEmpty() || receiver.isEmpty()) {
      return Optional.empty();
    }
    String name = method.get();
    Expression task = Trees.skipParentheses(receiver.get());
    if ("send_task".equals(name)) {
      return isCeleryApp(task) ? Optional.of(new Dispatch(call, Kind.IMMEDIATE, name, null, sendTaskArguments(call))) : Optional.empty();
    }
    boolean onCommit = ON_COMMIT_DISPATCH.contains(name);
    if (!DISPATCH.contains(name) && !onCommit) {
      return Optional.empty();
    }
    if (isTask(task, ctx)) {
      List<Expression> arguments = "delay".equals(name) || "delay_on_commit".equals(name) ? callArguments(call) : applyAsyncArguments(call);
      return Optional.of(new Dispatch(call, onCommit ? Kind.ON_COMMIT : Kind.IMMEDIATE, name, task, arguments));
    }
    if (isSignature(task, ctx)) {
      return Optional.of(new Dispatch(call, onCommit ? Kind.ON_COMMIT : Kind.IMMEDIATE, name, task, List.of()));
    }
    return Optional.empty();
  }

  /** True when the expression names a function decorated as a task (here or in another module). */
  public static boolean isTask(Expression expression, SubscriptionContext ctx) {
    if (!(expression.typeV2() instanceof FunctionType function)) {
      return false;
    }
    Optional<ModuleSummary> module = function.definitionLocation().flatMap(l -> ModuleSources.summaryAt(l, ctx));
    if (module.isEmpty()) {
      return false;
    }
    FunctionSummary summary = module.get().functions().get(function.name());
    if (summary == null || summary.nameRange().line() != function.definitionLocation().get().startLine()) {
      return false;
    }
    for (Value decorator : summary.decorators()) {
      String text = decorator instanceof Call call ? call.callee() : decorator instanceof Dotted dotted ? dotted.text() : "";
      if (isTaskDecorator(module.get().resolve(text))) {
        return true;
      }
    }
    return false;
  }

  /** {@code @shared_task}, {@code @app.task}, {@code @celery.task}, {@code @job} (django-rq). */
  public static boolean isTaskDecorator(String resolved) {
    return resolved.equals("celery.shared_task") || resolved.endsWith(".shared_task") || resolved.endsWith(".task")
      || resolved.equals("django_rq.job") || resolved.equals("rq.decorators.job") || resolved.equals("rq.job");
  }

  /** True when the function definition itself is decorated as a task (for rules looking at task bodies). */
  public static boolean isTaskFunction(FunctionDef function) {
    return function.decorators().stream().anyMatch(d -> {
      Expression expression = d.expression();
      Optional<String> fqn = expression instanceof CallExpression call ? Fqns.ofCallee(call) : Fqns.of(expression);
      Optional<String> text = ModuleSummary.dottedText(expression instanceof CallExpression call ? call.callee() : expression);
      return fqn.map(CeleryTasks::isTaskDecorator).orElse(false) || text.map(CeleryTasks::isTaskDecorator).orElse(false);
    });
  }

  private static boolean isSignature(Expression expression, SubscriptionContext ctx) {
    if (!(expression instanceof CallExpression call)) {
      return false;
    }
    if (Fqns.ofCallee(call).filter(CANVAS::contains).isPresent()) {
      return true;
    }
    Optional<String> method = Fqns.calleeName(call);
    Optional<Expression> receiver = Fqns.receiver(call);
    return method.filter(SIGNATURES::contains).isPresent() && receiver.isPresent() && isTask(Trees.skipParentheses(receiver.get()), ctx);
  }

  private static boolean isCeleryApp(Expression expression) {
    Optional<String> fqn = Fqns.of(expression);
    if (fqn.isPresent() && (fqn.get().startsWith("celery.") || fqn.get().contains(".celery."))) {
      return true;
    }
    if (expression instanceof Name name) {
      Optional<Expression> value = org.backendreview.tree.ValueResolver.singleAssignedValue(name);
      return value.isPresent() && value.get() instanceof CallExpression call
        && Fqns.ofCallee(call).filter(f -> f.equals("celery.Celery") || f.equals("celery.app.base.Celery")).isPresent();
    }
    return false;
  }

  private static List<Expression> callArguments(CallExpression call) {
    List<Expression> result = new ArrayList<>();
    for (Argument argument : call.arguments()) {
      if (argument instanceof RegularArgument regular) {
        result.add(regular.expression());
      }
    }
    return result;
  }

  /** {@code apply_async((a, b), {"k": c})} / {@code apply_async(args=[a, b], kwargs={"k": c})}. */
  private static List<Expression> applyAsyncArguments(CallExpression call) {
    List<Expression> result = new ArrayList<>();
    Arguments.value(call, 0, "args").flatMap(Literals::collectionElements).ifPresent(result::addAll);
    Arguments.value(call, 1, "kwargs").ifPresent(kwargs -> result.addAll(dictValues(kwargs)));
    return result;
  }

  private static List<Expression> sendTaskArguments(CallExpression call) {
    List<Expression> result = new ArrayList<>();
    Arguments.value(call, 1, "args").flatMap(Literals::collectionElements).ifPresent(result::addAll);
    Arguments.value(call, 2, "kwargs").ifPresent(kwargs -> result.addAll(dictValues(kwargs)));
    return result;
  }

  private static List<Expression> dictValues(Expression expression) {
    List<Expression> result = new ArrayList<>();
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof DictionaryLiteral dict) {
      for (DictionaryLiteralElement element : dict.elements()) {
        if (element instanceof KeyValuePair pair) {
          result.add(pair.value());
        }
      }
    } else if (expr instanceof CallExpression call && call.callee() instanceof Name n && "dict".equals(n.name())) {
      for (Argument argument : call.arguments()) {
        if (argument instanceof RegularArgument regular && regular.keywordArgument() != null) {
          result.add(regular.expression());
        }
      }
    }
    return result;
  }
}
