/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.testing.Analysis;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Test probe: analyses code and asks the engine about the first argument of every call to {@code sink(...)} (SQL),
 * {@code sink_path(...)}, {@code sink_xss(...)}, {@code sink_redirect(...)}, {@code sink_keys(...)} (keys of a mapping).
 * Answers are "line: source (line n)" or "line: -".
 */
final class FlowProbe {

  private FlowProbe() {
  }

  static Map<Integer, String> sources(String code) {
    return sources(Map.of("views.py", code), "views.py");
  }

  static Map<Integer, String> sources(Map<String, String> files, String probed) {
    return sources(files, probed, new TaintEngine[1]);
  }

  /** Like {@link #sources(String)}; the answers, then how many evaluations the engine made to give them. */
  static Map.Entry<Map<Integer, String>, Integer> sourcesAndEvaluations(String code) {
    TaintEngine[] engine = {null};
    Map<Integer, String> result = sources(Map.of("views.py", code), "views.py", engine);
    return Map.entry(result, engine[0] == null ? 0 : engine[0].evaluations());
  }

  private static Map<Integer, String> sources(Map<String, String> files, String probed, TaintEngine[] engine) {
    Map<Integer, String> result = new LinkedHashMap<>();
    Analysis.onEach(files, probed, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
      CallExpression call = (CallExpression) tree;
      if (!(call.callee() instanceof Name name) || !name.name().startsWith("sink") || call.arguments().isEmpty()) {
        return;
      }
      FileInput file = (FileInput) Trees.firstAncestor(call, Tree.Kind.FILE_INPUT);
      if (engine[0] == null || engine[0].file() != file) {
        engine[0] = new TaintEngine(file);
      }
      var argument = ((RegularArgument) call.arguments().get(0)).expression();
      Optional<TaintFlow> flow = switch (name.name()) {
        case "sink_path" -> engine[0].flowTo(argument, Kind.PATH, ctx);
        case "sink_xss" -> engine[0].flowTo(argument, Kind.XSS, ctx);
        case "sink_redirect" -> engine[0].flowTo(argument, Kind.REDIRECT, ctx);
        case "sink_keys" -> engine[0].keysFlowTo(argument, Kind.QUERY_STRUCTURE, ctx);
        default -> engine[0].flowTo(argument, Kind.SQL, ctx);
      };
      result.put(call.firstToken().line(), flow.map(TaintFlow::sourceText).orElse("-"));
    });
    return result;
  }

  /** The flow steps (messages with lines), source first, of the sink call on the given line. */
  static String steps(String code, int line) {
    StringBuilder result = new StringBuilder();
    TaintEngine[] engine = {null};
    Analysis.onEach("views.py", code, Tree.Kind.CALL_EXPR, (tree, ctx) -> {
      CallExpression call = (CallExpression) tree;
      if (call.firstToken().line() != line || !(call.callee() instanceof Name name) || !name.name().startsWith("sink")) {
        return;
      }
      FileInput file = (FileInput) Trees.firstAncestor(call, Tree.Kind.FILE_INPUT);
      engine[0] = engine[0] == null ? new TaintEngine(file) : engine[0];
      var argument = ((RegularArgument) call.arguments().get(0)).expression();
      engine[0].flowTo(argument, Kind.SQL, ctx).ifPresent(flow -> result.append(flow.trace().stepsFromOrigin().stream()
        .filter(s -> s.message() != null)
        .map(s -> s.location().firstToken().line() + ":" + s.message()).collect(Collectors.joining(" | "))));
    });
    return result.toString();
  }
}
