/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.asyncio.BlockingCalls;
import org.backendreview.semantics.celery.CeleryTasks;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.CallSite;

/**
 * Outbound effects of a function of another module, read from its {@link ModuleSummary} (no types there: callees are
 * resolved through that module's imports only). Knows Django's mail functions, the {@code requests}/{@code httpx}/
 * {@code urllib} HTTP functions, and task dispatches ({@code .delay()}/{@code .apply_async()} on an imported name or on a
 * task function of that module). Writes to models and methods of client objects need types and are not seen: this
 * under-approximates, never over-approximates.
 */
public final class SummarizedEffects {

  private static final Set<String> DISPATCH_METHODS = Set.of("delay", "apply_async");

  private SummarizedEffects() {
  }

  /**
   * An effect found in the summary.
   *
   * @param description the kind, as {@link OutboundEffects.Kind#description()} or {@code HTTP call}
   * @param what the call ({@code send_mail()}, {@code requests.post()}, {@code notify.delay()})
   * @param range where it is in the summarised module
   */
  public record Effect(String description, String what, ModuleSummary.Range range) {
  }

  /** The outbound effects the top-level function makes directly in its body, in source order. */
  public static List<Effect> of(ModuleSummary module, String function) {
    List<Effect> effects = new ArrayList<>();
    for (CallSite call : module.callsIn(function)) {
      effect(module, call).ifPresent(effects::add);
    }
    return effects;
  }

  private static Optional<Effect> effect(ModuleSummary module, CallSite call) {
    if ("?".equals(call.callee())) {
      return Optional.empty();
    }
    String resolved = module.resolve(call.callee());
    Optional<String> mail = OutboundEffects.mailFunction(resolved);
    if (mail.isPresent()) {
      return Optional.of(new Effect(OutboundEffects.Kind.EMAIL.description(), mail.get(), call.range()));
    }
    Optional<String> http = BlockingCalls.blockingHttpFunction(resolved);
    if (http.isPresent()) {
      return Optional.of(new Effect("HTTP call", http.get(), call.range()));
    }
    int dot = call.callee().lastIndexOf('.');
    if (dot > 0 && DISPATCH_METHODS.contains(call.callee().substring(dot + 1)) && isTask(module, call.callee().substring(0, dot))) {
      String task = call.callee().substring(0, dot);
      return Optional.of(new Effect(OutboundEffects.Kind.TASK.description(),
        task.substring(task.lastIndexOf('.') + 1) + "." + call.callee().substring(dot + 1) + "()", call.range()));
    }
    return Optional.empty();
  }

  /** An imported name (or an attribute of one), or a function of the module decorated as a task. */
  private static boolean isTask(ModuleSummary module, String target) {
    String head = target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
    if (module.imports().containsKey(head)) {
      return true;
    }
    ModuleSummary.FunctionSummary function = target.equals(head) ? module.functions().get(head) : null;
    return function != null
      && function.decorators().stream().anyMatch(d -> CeleryTasks.isTaskDecorator(module.resolve(ModuleSummary.decoratorText(d))));
  }
}
