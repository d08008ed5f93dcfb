/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.sqlalchemy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.backendreview.semantics.asyncio.AsyncContext;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.django.RelationAccesses;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.Assigned;
import org.backendreview.semantics.project.ModuleSummary.Bool;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.semantics.project.ModuleSummary.ClassSummary;
import org.backendreview.semantics.project.ModuleSummary.Dict;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ComprehensionFor;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ForStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.PythonType;
import org.sonar.plugins.python.api.types.v2.TypeWrapper;

/**
 * SQLAlchemy ORM relationships and the queries that load mapped instances, for lazy-loading rules (SQA-05).
 *
 * <p><b>Relationships.</b> A mapped class (declarative, {@code Mapped[...]} or classic columns, Flask-SQLAlchemy's
 * {@code db.Model}, SQLModel) declares {@code name = relationship(...)} / {@code name: Mapped[...] = relationship(...)}
 * ({@code db.relationship}, SQLModel's {@code Relationship(...)}) in its body or in the body of a project base class.
 * The declarations are read through {@link ModuleSources}, so the class may live in another module. The loader
 * strategy is lazy when {@code lazy=} is absent, {@code "select"} or {@code True}; any other value, a value that is not
 * a literal, {@code **kwargs}, or a {@code WriteOnlyMapped[...]}/{@code DynamicMapped[...]} annotation count as "not
 * lazy" (unknown stays silent).
 *
 * <p><b>Loads.</b> The expression a loop iterates is traced (through names bound once) to the query yielding mapped
 * instances of one entity: {@code session.scalars(select(User)...)} (optionally {@code .all()}, {@code .unique()}),
 * SQLModel's {@code session.exec(select(User))},
 * {@code session.execute(select(User)...).scalars()}, 1.x {@code session.query(User).filter(...)...} and
 * Flask-SQLAlchemy's {@code User.query...}, awaited or not. The {@code .options(...)} calls of the statement and query
 * chains are kept: a relationship they mention (by attribute or string path), a {@code "*"} wildcard, or an option
 * that is not a loader call, counts as eagerly loaded.
 */
public final class SqlAlchemyRelationships {

  private static final Set<String> RELATIONSHIP_FUNCTIONS = Set.of("sqlalchemy.orm.relationship", "sqlalchemy.orm.relation",
    "sqlalchemy.orm.relationships.relationship", "sqlalchemy.orm._orm_constructors.relationship", "sqlmodel.Relationship",
    "sqlmodel.main.Relationship");
  /** Annotations implying {@code lazy="write_only"} / {@code lazy="dynamic"}: the attribute is a query, never loaded. */
  private static final Set<String> NON_LOADING_ANNOTATIONS = Set.of("sqlalchemy.orm.WriteOnlyMapped", "sqlalchemy.orm.DynamicMapped",
    "sqlalchemy.orm.base.WriteOnlyMapped", "sqlalchemy.orm.base.DynamicMapped");
  private static final Set<String> SQLMODEL_RELATIONSHIP = Set.of("sqlmodel.Relationship", "sqlmodel.main.Relationship");
  /** Methods of a select statement or a 1.x Query that keep the selected entity. */
  private static final Set<String> REFINERS = Set.of("where", "filter", "filter_by", "order_by", "join", "outerjoin", "join_from",
    "outerjoin_from", "limit", "offset", "options", "distinct", "group_by", "having", "execution_options", "with_for_update", "fetch",
    "slice", "select_from", "params", "populate_existing", "yield_per", "autoflush", "prefix_with", "suffix_with", "enable_assertions",
    "reset_joinpoint", "correlate", "with_parent");
  /** Methods of a result that give the same instances ({@code all()} with no argument). */
  private static final Set<String> RESULT_PASS_THROUGH = Set.of("all", "unique", "fetchall");
  /** Loader options: any other callee inside {@code .options(...)} is a helper whose options are unknown. */
  private static final Set<String> LOADER_OPTIONS = Set.of("selectinload", "joinedload", "subqueryload", "lazyload", "noload", "raiseload",
    "defaultload", "contains_eager", "immediateload", "load_only", "defer", "undefer", "undefer_group", "with_expression",
    "selectin_polymorphic", "with_loader_criteria", "Load");
  /** Result methods giving the entity of the first row of {@code execute(select(User))}. */
  private static final Set<String> SCALAR_ROW_METHODS = Set.of("scalar_one", "scalar_one_or_none", "scalar");
  /** Methods giving one element of a scalars result or a 1.x Query. */
  private static final Set<String> ONE_ROW_METHODS = Set.of("first", "one", "one_or_none");
  /**
   * Session methods running a statement and giving the first entity of each row ({@code stream_scalars} is asyncio's,
   * {@code exec} SQLModel's for a one-entity select).
   */
  private static final Set<String> STATEMENT_SCALARS = Set.of("scalars", "stream_scalars", "exec");
  /** Session methods running a statement and giving rows. */
  private static final Set<String> STATEMENT_ROWS = Set.of("execute", "stream");
  /** Calls of statement and query chains kept on a load: loader options and filters. */
  private static final Set<String> KEPT_CALLS = Set.of("options", "filter", "filter_by", "where");
  private static final int MAX_DEPTH = 4;
  private static final int MAX_CLASSES = 20;

  private SqlAlchemyRelationships() {
  }

  /**
   * A relationship declaration.
   *
   * @param lazy true when the declared loader strategy is lazy ({@code "select"}, the default)
   * @param declaration where {@code name = relationship(...)} is, in the file {@code fileId}
   */
  public record Relationship(String owner, String name, boolean lazy, ModuleSummary.Range declaration, String fileId) {
  }

  /**
   * A query loading instances of a mapped class.
   *
   * @param query the call that runs it ({@code session.scalars(...)}, {@code session.query(User)}...), for locations
   * @param chain the {@code .options(...)}, {@code .filter(...)}, {@code .filter_by(...)}, {@code .where(...)} calls of
   * its statement and query chains
   * @param awaited true when the result is awaited ({@code AsyncSession})
   */
  public record EntityLoad(ClassType entity, Tree query, List<CallExpression> chain, boolean awaited) {

    /** True when the options mention the relationship, hold a wildcard, or are not all known loader calls. */
    public boolean optionsMayLoad(String relationship) {
      for (CallExpression call : chain) {
        if (Fqns.calleeName(call).filter("options"::equals).isEmpty()) {
          continue;
        }
        for (Argument argument : call.arguments()) {
          if (!(argument instanceof RegularArgument regular) || regular.keywordArgument() != null || mayLoad(regular.expression(), relationship)) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * True when the query keeps only rows whose relationship is one given object ({@code filter(Order.customer == c)},
     * {@code filter_by(customer=c)}, {@code where(Order.customer_id == 1)}): every item refers to that object, which the
     * lazy loader of a many-to-one reference loads at most once and then finds in the session's identity map.
     */
    public boolean filteredOn(String relationship) {
      for (CallExpression call : chain) {
        String method = Fqns.calleeName(call).orElse("");
        if ("filter_by".equals(method) && call.arguments().stream().anyMatch(a -> a instanceof RegularArgument r && r.keywordArgument() != null
          && namesRelationship(r.keywordArgument().name(), relationship))) {
          return true;
        }
        if (("filter".equals(method) || "where".equals(method)) && call.arguments().stream().anyMatch(a -> a instanceof RegularArgument r
          && comparesRelationship(r.expression(), relationship))) {
          return true;
        }
      }
      return false;
    }
  }

  private static boolean comparesRelationship(Expression expression, String relationship) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof CallExpression call && Fqns.ofCallee(call).filter(f -> f.equals("sqlalchemy.and_") || f.equals("sqlalchemy.sql.expression.and_")).isPresent()) {
      return call.arguments().stream().anyMatch(a -> a instanceof RegularArgument r && comparesRelationship(r.expression(), relationship));
    }
    return expr instanceof BinaryExpression comparison && "==".equals(comparison.operator().value())
      && Stream.of(comparison.leftOperand(), comparison.rightOperand()).anyMatch(o -> Trees.skipParentheses(o) instanceof QualifiedExpression q
        && namesRelationship(q.name().name(), relationship));
  }

  /** {@code customer} or its foreign key column {@code customer_id} (the naming convention). */
  private static boolean namesRelationship(String name, String relationship) {
    return name.equals(relationship) || name.equals(relationship + "_id");
  }

  /** A read {@code item.relationship} in a loop over loaded instances. */
  public record LoopRead(QualifiedExpression read, Relationship relationship, EntityLoad load) {
  }

  /**
   * The declaration of the relationship {@code attribute} of the mapped class (or of a project base class); empty when
   * the attribute is not declared as a relationship in a class body that can be read.
   */
  public static Optional<Relationship> relationship(ClassType entity, String attribute, SubscriptionContext ctx) {
    Deque<ClassType> queue = new ArrayDeque<>();
    Set<ClassType> seen = new HashSet<>();
    queue.add(entity);
    while (!queue.isEmpty() && seen.size() < MAX_CLASSES) {
      ClassType type = queue.poll();
      if (!seen.add(type) || type.definitionLocation().isEmpty()) {
        continue;
      }
      Optional<ModuleSummary> module = type.definitionLocation().flatMap(l -> ModuleSources.summaryAt(l, ctx));
      Optional<ClassSummary> declaration = module.flatMap(m -> type.definitionLocation().flatMap(l -> m.classAt(type.name(), l.startLine())));
      if (declaration.isEmpty()) {
        return Optional.empty();
      }
      if (declaration.get().declares(attribute)) {
        Assigned assigned = declaration.get().attributes().get(attribute);
        if (assigned == null || !(assigned.value() instanceof Call call) || !isRelationshipCall(call, module.get())) {
          return Optional.empty();
        }
        boolean lazy = isLazy(call, module.get()) && module.get().attributeAnnotation(type.name(), attribute)
          .map(a -> module.get().resolve(a)).filter(NON_LOADING_ANNOTATIONS::contains).isEmpty();
        return Optional.of(new Relationship(type.name(), attribute, lazy, assigned.range(), module.get().fileId()));
      }
      for (TypeWrapper wrapper : type.superClasses()) {
        PythonType base = wrapper.type();
        if (base instanceof ClassType baseClass) {
          queue.add(baseClass);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isRelationshipCall(Call call, ModuleSummary module) {
    String callee = call.callee();
    if (RELATIONSHIP_FUNCTIONS.contains(module.resolve(callee))) {
      return true;
    }
    // Flask-SQLAlchemy: db.relationship(...) on the SQLAlchemy() extension object, named db by its documentation
    return "db.relationship".equals(callee);
  }

  private static boolean isLazy(Call call, ModuleSummary module) {
    if (call.unpacking()) {
      return false;
    }
    Map<String, Value> kwargs = call.kwargs();
    if (SQLMODEL_RELATIONSHIP.contains(module.resolve(call.callee()))) {
      if (kwargs.containsKey("sa_relationship")) {
        return false;
      }
      Value options = kwargs.get("sa_relationship_kwargs");
      if (options == null) {
        return true;
      }
      if (!(options instanceof Dict dict) || !dict.complete()) {
        return false;
      }
      kwargs = dict.entries();
    }
    Value lazy = kwargs.get("lazy");
    return lazy == null || (lazy instanceof Str str && "select".equals(str.value())) || (lazy instanceof Bool bool && bool.value());
  }

  /** The query whose mapped instances the expression holds (see the class comment); empty when unknown. */
  public static Optional<EntityLoad> loadOf(Expression iterated, SubscriptionContext ctx) {
    return trace(iterated, new ArrayList<>(), false, false, 0);
  }

  /**
   * The query that loads the one mapped instance the expression holds: {@code session.get(User, id)},
   * {@code session.scalar(select(User)...)}, {@code session.execute(...).scalar_one()},
   * {@code session.scalars(...).first()}, {@code session.query(User)...one()}, awaited or not; empty when unknown.
   */
  public static Optional<EntityLoad> instanceLoadOf(Expression value) {
    Expression expr = Trees.skipParentheses(value);
    boolean awaited = false;
    if (expr instanceof AwaitExpression await) {
      expr = Trees.skipParentheses(await.expression());
      awaited = true;
    }
    if (!(expr instanceof CallExpression call) || !(call.callee() instanceof QualifiedExpression callee)) {
      return Optional.empty();
    }
    String method = callee.name().name();
    boolean awaitedCall = awaited;
    if (("get".equals(method) || "get_one".equals(method)) && call.arguments().size() >= 2 && Arguments.keyword(call, "options").isEmpty()) {
      return Arguments.positional(call, 0).flatMap(a -> entityClass(a.expression()))
        .map(e -> new EntityLoad(e, call, List.of(), awaitedCall));
    }
    if ("scalar".equals(method) && !call.arguments().isEmpty()) {
      List<CallExpression> options = new ArrayList<>();
      return Arguments.positional(call, 0).flatMap(a -> selectedEntity(a.expression(), options, 0))
        .map(e -> new EntityLoad(e, call, List.copyOf(options), awaitedCall));
    }
    if (!call.arguments().isEmpty()) {
      return Optional.empty();
    }
    if (SCALAR_ROW_METHODS.contains(method)) {
      return trace(callee.qualifier(), new ArrayList<>(), true, awaited, 0);
    }
    return ONE_ROW_METHODS.contains(method) ? trace(callee.qualifier(), new ArrayList<>(), false, awaited, 0) : Optional.empty();
  }

  private static Optional<EntityLoad> trace(Expression expression, List<CallExpression> options, boolean scalars, boolean awaited, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (expr instanceof AwaitExpression await) {
      return trace(await.expression(), options, scalars, true, depth);
    }
    if (expr instanceof Name name) {
      return ValueResolver.singleAssignedValue(name).flatMap(v -> trace(v, options, scalars, awaited, depth + 1));
    }
    if (expr instanceof QualifiedExpression qualified && "query".equals(qualified.name().name())) {
      // Flask-SQLAlchemy: User.query
      return entityClass(qualified.qualifier()).map(e -> new EntityLoad(e, qualified, List.copyOf(options), awaited));
    }
    if (!(expr instanceof CallExpression call) || !(call.callee() instanceof QualifiedExpression callee)) {
      return Optional.empty();
    }
    String method = callee.name().name();
    Expression receiver = callee.qualifier();
    if (RESULT_PASS_THROUGH.contains(method) && call.arguments().isEmpty()) {
      return trace(receiver, options, scalars, awaited, depth);
    }
    if ("scalars".equals(method) && call.arguments().isEmpty()) {
      return trace(receiver, options, true, awaited, depth);
    }
    if (REFINERS.contains(method)) {
      if (KEPT_CALLS.contains(method)) {
        options.add(call);
      }
      return trace(receiver, options, scalars, awaited, depth);
    }
    if ("query".equals(method) && call.arguments().size() == 1) {
      return Arguments.positional(call, 0).flatMap(a -> entityClass(a.expression()))
        .map(e -> new EntityLoad(e, call, List.copyOf(options), awaited));
    }
    if ((STATEMENT_SCALARS.contains(method) || (STATEMENT_ROWS.contains(method) && scalars)) && !call.arguments().isEmpty()) {
      boolean awaitedCall = awaited || AsyncContext.isAwaited(call);
      return Arguments.positional(call, 0).flatMap(a -> selectedEntity(a.expression(), options, 0))
        .map(e -> new EntityLoad(e, call, List.copyOf(options), awaitedCall));
    }
    return Optional.empty();
  }

  /** {@code select(User).where(...)...} (through names bound once): the selected mapped class; options are collected. */
  private static Optional<ClassType> selectedEntity(Expression statement, List<CallExpression> options, int depth) {
    Expression expr = Trees.skipParentheses(statement);
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    if (expr instanceof Name name) {
      return ValueResolver.singleAssignedValue(name).flatMap(v -> selectedEntity(v, options, depth + 1));
    }
    if (!(expr instanceof CallExpression call)) {
      return Optional.empty();
    }
    if (call.callee() instanceof QualifiedExpression callee && REFINERS.contains(callee.name().name())) {
      if (KEPT_CALLS.contains(callee.name().name())) {
        options.add(call);
      }
      return selectedEntity(callee.qualifier(), options, depth);
    }
    if ((SqlAlchemy.isStatementConstructor(call) && Fqns.ofCallee(call).filter(f -> f.endsWith(".select")).isPresent() || isFlaskSelect(call))
      && call.arguments().size() == 1) {
      return Arguments.positional(call, 0).flatMap(a -> entityClass(a.expression()));
    }
    return Optional.empty();
  }

  /** For {@code enumerate(x)} (the builtin), {@code x}; else the expression itself. */
  private static Expression enumerated(Expression iterable) {
    if (Trees.skipParentheses(iterable) instanceof CallExpression call && call.callee() instanceof Name callee && "enumerate".equals(callee.name()) && call.arguments().size() == 1) {
      return Arguments.positional(call, 0).map(a -> a.expression()).orElse(iterable);
    }
    return iterable;
  }

  /** Flask-SQLAlchemy 3's {@code db.select(User)} on the extension object, named {@code db} by its documentation. */
  private static boolean isFlaskSelect(CallExpression call) {
    return call.callee() instanceof QualifiedExpression callee && "select".equals(callee.name().name())
      && Trees.skipParentheses(callee.qualifier()) instanceof Name db && "db".equals(db.name());
  }

  /** A class name (not an aliased entity, a column or an expression). */
  private static Optional<ClassType> entityClass(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    return (expr instanceof Name || expr instanceof QualifiedExpression) && expr.typeV2() instanceof ClassType type
      ? Optional.of(type) : Optional.empty();
  }

  private static boolean mayLoad(Expression option, String relationship) {
    Expression expr = Trees.skipParentheses(option);
    if (!(expr instanceof CallExpression call)) {
      return true;
    }
    boolean[] found = {false};
    Trees.walk(call, t -> !found[0], t -> {
      if (t instanceof CallExpression inner && inner.callee() instanceof Name callee && !LOADER_OPTIONS.contains(callee.name())) {
        found[0] = true;
      } else if (t instanceof CallExpression inner && inner.callee() instanceof QualifiedExpression q && q.qualifier() instanceof Name
        && !LOADER_OPTIONS.contains(q.name().name())) {
        // orm.selectinload(...) is a loader; helpers.eager_options() is not known
        found[0] = true;
      } else if (t instanceof QualifiedExpression q && relationship.equals(q.name().name())) {
        found[0] = true;
      } else if (t instanceof Name n && relationship.equals(n.name())) {
        found[0] = true;
      } else if (t instanceof StringLiteral literal) {
        String value = Literals.stringValue(literal).orElse("*");
        found[0] = value.contains("*") || List.of(value.split("\\.")).contains(relationship);
      }
    });
    return found[0];
  }

  /**
   * The reads of lazy relationships of the loaded entity on the loop variable, one per relationship (the first), in a
   * {@code for} statement or comprehension over loaded instances; relationships the query's options load are left out.
   */
  public static List<LoopRead> lazyReadsInLoop(Tree loopNode, SubscriptionContext ctx) {
    Name item;
    Expression iterable;
    Tree loop;
    if (loopNode instanceof ForStatement forStatement && forStatement.testExpressions().size() == 1
      && forStatement.expressions().size() == 2 && forStatement.expressions().get(1) instanceof Name target
      && enumerated(forStatement.testExpressions().get(0)) != forStatement.testExpressions().get(0)) {
      // for i, item in enumerate(result)
      item = target;
      iterable = forStatement.testExpressions().get(0);
      loop = forStatement;
    } else if (loopNode instanceof ForStatement forStatement && forStatement.testExpressions().size() == 1
      && forStatement.expressions().size() == 1 && forStatement.expressions().get(0) instanceof Name target) {
      item = target;
      iterable = forStatement.testExpressions().get(0);
      loop = forStatement;
    } else if (loopNode instanceof ComprehensionFor comprehension && comprehension.loopExpression() instanceof Name target) {
      item = target;
      iterable = comprehension.iterable();
      loop = comprehension.parent();
    } else {
      return List.of();
    }
    Optional<EntityLoad> load = loadOf(enumerated(iterable), ctx);
    if (load.isEmpty()) {
      return List.of();
    }
    Map<String, LoopRead> reads = new LinkedHashMap<>();
    Set<String> known = new HashSet<>();
    for (QualifiedExpression read : RelationAccesses.itemReads(new DjangoQuerySets.Loop(loop, item, iterable, null))) {
      String name = read.name().name();
      if (!known.add(name)) {
        continue;
      }
      relationship(load.get().entity(), name, ctx)
        .filter(Relationship::lazy)
        .filter(r -> !load.get().optionsMayLoad(name) && !load.get().filteredOn(name))
        .ifPresent(r -> reads.put(name, new LoopRead(read, r, load.get())));
    }
    return new ArrayList<>(reads.values());
  }
}
