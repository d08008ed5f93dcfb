/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.orm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.django.DjangoIndexes;
import org.backendreview.semantics.django.DjangoIndexes.Coverage;
import org.backendreview.semantics.django.DjangoIndexes.Result;
import org.backendreview.semantics.django.DjangoModelIndex;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.django.DjangoQuerySets.QueryCall;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.tree.Literals;
import org.backendreview.tree.TestCode;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * {@code Model.objects.filter(f=...)}, {@code get(f=...)}, {@code get_or_create(f=...)} and
 * {@code order_by("f")} where {@code f} is a concrete field of a known model that no index Django creates covers.
 * <p>
 * Reported only when every filter of the queryset chain is on such a field (one indexed or unknown lookup, e.g. a
 * foreign key, lets the database narrow the rows first), for lookups a B-tree index serves (not {@code icontains},
 * not {@code exclude}), and once per model field and file. Test functions are left alone.
 */
@Rule(key = "FilterOnUnindexedField")
public class FilterOnUnindexedFieldCheck extends BackendReviewCheck {

  private static final Set<String> FILTERS = Set.of("filter", "get", "get_or_create", "update_or_create", "aget", "aget_or_create",
    "aupdate_or_create");
  /** Calls whose conditions narrow the rows: an unknown or indexed condition among them makes the chain safe. */
  private static final Set<String> CONDITIONS = Set.of("filter", "exclude", "get", "get_or_create", "update_or_create", "aget",
    "aget_or_create", "aupdate_or_create", "complex_filter", "extra", "raw", "in_bulk");
  private static final Set<String> NOT_LOOKUPS = Set.of("defaults", "create_defaults");

  private final Map<Tree, Set<String>> reported = Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::check);
  }

  private void check(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    Optional<Analysed> analysed = analyse(call, ctx);
    if (analysed.isPresent()) {
      report(ctx, analysed.get().findings(), analysed.get().model());
    }
  }

  private record Analysed(List<Finding> findings, DjangoModelIndex.Model model) {
  }

  /** The unindexed lookups (or ordering) of this call, when every condition of its chain is unindexed. */
  private static Optional<Analysed> analyse(CallExpression call, SubscriptionContext ctx) {
    // cheap name test first: resolving the queryset is what costs
    if (!(call.callee() instanceof QualifiedExpression callee) || call.arguments().isEmpty()) {
      return Optional.empty();
    }
    String method = callee.name().name();
    boolean ordering = "order_by".equals(method);
    if (ordering ? !isLiteralOrdering(call) : !FILTERS.contains(method) || !onlyKeywords(call)) {
      // dict.get(key), filter(function, items), order_by(*fields): not lookups this rule reads
      return Optional.empty();
    }
    FunctionDef function = Trees.enclosingFunction(call);
    if (function != null && TestCode.isTestScenario(function)) {
      // a test's fixture rows make any table small
      return Optional.empty();
    }
    Optional<QueryCall> query = DjangoQuerySets.queryCall(call, ctx);
    if (query.isEmpty()) {
      return Optional.empty();
    }
    Optional<DjangoModelIndex.Model> model = DjangoModelIndex.of(query.get().receiver().model(), ctx);
    if (model.isEmpty() || !model.get().complete() || !model.get().metaComplete() || !model.get().managed()) {
      return Optional.empty();
    }
    List<CallExpression> chain = new ArrayList<>(query.get().receiver().methods());
    chain.add(call);
    chain.addAll(outerCalls(call));
    if (!allConditionsUnindexed(chain, model.get())) {
      return Optional.empty();
    }
    List<Finding> findings = ordering ? ordering(call, model.get()) : conditions(call, model.get());
    return findings.isEmpty() ? Optional.empty() : Optional.of(new Analysed(findings, model.get()));
  }

  private static boolean onlyKeywords(CallExpression call) {
    return call.arguments().stream().allMatch(a -> a instanceof RegularArgument r && r.keywordArgument() != null);
  }

  private static boolean isLiteralOrdering(CallExpression call) {
    return call.arguments().get(0) instanceof RegularArgument first && first.keywordArgument() == null
      && Literals.stringValue(first.expression()).isPresent();
  }

  private record Finding(Tree tree, DjangoModelIndex.Field field, boolean ordering) {
  }

  /** The unindexed lookups of a filter call (all of them are, see {@link #allConditionsUnindexed}). */
  private static List<Finding> conditions(CallExpression call, DjangoModelIndex.Model model) {
    List<Finding> findings = new ArrayList<>();
    for (Argument argument : call.arguments()) {
      RegularArgument regular = (RegularArgument) argument;
      String keyword = regular.keywordArgument().name();
      if (!NOT_LOOKUPS.contains(keyword)) {
        findings.add(new Finding(regular.keywordArgument(), DjangoIndexes.ofLookup(model, keyword).field(), false));
      }
    }
    return findings;
  }

  /** The leading ordering field of {@code order_by("f", ...)} when it is unindexed. */
  private static List<Finding> ordering(CallExpression call, DjangoModelIndex.Model model) {
    if (!(call.arguments().get(0) instanceof RegularArgument first) || first.keywordArgument() != null) {
      return List.of();
    }
    Optional<String> name = Literals.stringValue(first.expression());
    if (name.isEmpty()) {
      return List.of();
    }
    Result result = DjangoIndexes.ofOrdering(model, name.get());
    return result.coverage() == Coverage.UNINDEXED ? List.of(new Finding(first.expression(), result.field(), true)) : List.of();
  }

  /** True when every condition of every call of the chain is a lookup on an unindexed field (orderings included). */
  private static boolean allConditionsUnindexed(List<CallExpression> chain, DjangoModelIndex.Model model) {
    for (CallExpression call : chain) {
      String method = ((QualifiedExpression) call.callee()).name().name();
      if ("order_by".equals(method)) {
        if (!call.arguments().isEmpty() && !ordering(call, model).isEmpty()) {
          continue;
        }
        // ordering by an indexed or unknown field: the database may read rows in index order
        if (!call.arguments().isEmpty()) {
          return false;
        }
        continue;
      }
      if (!CONDITIONS.contains(method)) {
        continue;
      }
      if (!FILTERS.contains(method) && !"exclude".equals(method)) {
        return false;
      }
      if (!allKeywordsUnindexed(call, model)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allKeywordsUnindexed(CallExpression call, DjangoModelIndex.Model model) {
    boolean any = false;
    for (Argument argument : call.arguments()) {
      if (!(argument instanceof RegularArgument regular) || regular.keywordArgument() == null) {
        // Q objects, **kwargs: conditions not read
        return false;
      }
      String keyword = regular.keywordArgument().name();
      if (NOT_LOOKUPS.contains(keyword)) {
        continue;
      }
      if (DjangoIndexes.ofLookup(model, keyword).coverage() != Coverage.UNINDEXED) {
        return false;
      }
      any = true;
    }
    return any || !"exclude".equals(((QualifiedExpression) call.callee()).name().name());
  }

  /** The calls chained on this one in the same expression ({@code .filter(...).order_by(...).first()}). */
  private static List<CallExpression> outerCalls(CallExpression call) {
    List<CallExpression> outer = new ArrayList<>();
    Tree current = call;
    while (current.parent() instanceof QualifiedExpression q && q.qualifier() == current && q.parent() instanceof CallExpression next
      && next.callee() == q) {
      outer.add(next);
      current = next;
    }
    return outer;
  }

  /**
   * One issue per model field and file, on the first call using it; the later calls of the file using the same fields
   * are its secondary locations (and are not reported again).
   */
  private void report(SubscriptionContext ctx, List<Finding> findings, DjangoModelIndex.Model model) {
    Tree file = Trees.firstAncestor(findings.get(0).tree(), Tree.Kind.FILE_INPUT);
    if (file == null) {
      return;
    }
    Set<String> done = reported.computeIfAbsent(file, f -> Collections.synchronizedSet(new HashSet<>()));
    Finding first = null;
    Set<String> names = new LinkedHashSet<>();
    for (Finding finding : findings) {
      names.add(finding.field().name());
      if (done.add(key(model, finding)) && first == null) {
        first = finding;
      }
    }
    if (first == null) {
      return;
    }
    String modelName = model.type().name();
    String fix = names.size() == 1
      ? "add db_index=True to " + modelName + "." + first.field().name() + " or an entry in Meta.indexes"
      : "add an entry in Meta.indexes on " + names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    String message = (first.ordering() ? "Ordering " : "Filtering ") + modelName + " by "
      + names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", ")) + " reads the whole table: " + fix
      + " if this table grows and the query is frequent.";
    var issue = ctx.addIssue(first.tree(), message);
    for (Finding finding : findings) {
      if (finding.field().fileId().equals(ctx.pythonFile().key())) {
        issue.secondary(finding.field().location(), "Declared without an index");
      }
    }
    Set<String> keys = findings.stream().map(f -> key(model, f)).collect(Collectors.toSet());
    Tree call = first.tree();
    for (CallExpression later : AnalysisContext.of(ctx).calls()) {
      if (Trees.startsBefore(call, later) && !Trees.isAncestorOrSelf(later, call)) {
        analyse(later, ctx).ifPresent(a -> a.findings().stream()
          .filter(f -> keys.contains(key(a.model(), f)) && done.add(later.firstToken().line() + ":" + key(a.model(), f)))
          .findFirst()
          .ifPresent(f -> issue.secondary(f.tree(), "Also " + (f.ordering() ? "ordered" : "filtered") + " by \"" + f.field().name() + "\" here")));
      }
    }
  }

  private static String key(DjangoModelIndex.Model model, Finding finding) {
    return model.type().fullyQualifiedName() + "." + finding.field().name();
  }
}
