/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.alembic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionStatement;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.ImportFrom;
import org.sonar.plugins.python.api.tree.ImportName;
import org.sonar.plugins.python.api.tree.LambdaExpression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RaiseStatement;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.WithItem;
import org.sonar.plugins.python.api.tree.WithStatement;

/**
 * One Alembic revision read statically: its module-level {@code revision}, {@code down_revision} (a tuple for a merge
 * point), {@code branch_labels} and {@code depends_on}, its {@code upgrade()} and {@code downgrade()} functions, the
 * {@link AlembicOperation operations} of {@code upgrade()} in document order ({@code op.*} calls and the methods of
 * {@code batch_alter_table} blocks, with the {@code autocommit_block()} they run in), the tables it creates, and what is
 * known of the database it runs on. The other revisions of the version location are read through
 * {@link RevisionGraph} (heads, whether they keep downgrades); the database from the revision's own dialect arguments
 * and imports, else the URL of {@code env.py} or {@code alembic.ini} when they name one.
 */
public final class AlembicRevision {

  /** What is known of whether the revision runs on PostgreSQL. */
  public enum Postgresql {
    YES, NO, UNKNOWN
  }

  private static final AnalysisContext.Key<Optional<AlembicRevision>> KEY = AnalysisContext.Key.of("alembic-revision");
  private static final Pattern IRREVERSIBLE_COMMENT = Pattern.compile(
    "(?i)#.*(irreversib|not\\s+reversible|cannot\\s+be\\s+(reversed|undone|downgraded)|can't\\s+be\\s+(reversed|undone|downgraded)"
      + "|no\\s+(way\\s+)?(to\\s+)?downgrade|downgrade\\s+(is\\s+)?not\\s+(supported|possible)|forward[- ]only|one[- ]way)");

  private final String revision;
  private final List<String> downRevisions;
  private final Expression branchLabels;
  private final FunctionDef upgrade;
  @Nullable
  private final FunctionDef downgrade;
  private final List<AlembicOperation> operations;
  private final Set<String> createdTables;
  private final boolean deliberatelyIrreversible;
  private final boolean postgresqlInFile;
  @Nullable
  private final Path file;
  private Map<Path, RevisionGraph.Facts> siblings;
  private Postgresql postgresql;

  private AlembicRevision(String revision, List<String> downRevisions, @Nullable Expression branchLabels, FunctionDef upgrade,
    @Nullable FunctionDef downgrade, List<AlembicOperation> operations, boolean deliberatelyIrreversible, boolean postgresqlInFile,
    @Nullable Path file) {
    this.revision = revision;
    this.downRevisions = downRevisions;
    this.branchLabels = branchLabels;
    this.upgrade = upgrade;
    this.downgrade = downgrade;
    this.operations = operations;
    this.deliberatelyIrreversible = deliberatelyIrreversible;
    this.postgresqlInFile = postgresqlInFile;
    this.file = file;
    Set<String> created = new HashSet<>();
    operations.stream().filter(o -> "create_table".equals(o.kind())).forEach(o -> o.table().ifPresent(t -> created.add(t.toLowerCase(Locale.ROOT))));
    this.createdTables = created;
  }

  /** The revision of the file being analysed, when it is an Alembic revision (computed once per file). */
  public static Optional<AlembicRevision> of(SubscriptionContext ctx) {
    return AnalysisContext.of(ctx).fact(KEY, c -> read(c, ctx));
  }

  private static Optional<AlembicRevision> read(AnalysisContext context, SubscriptionContext ctx) {
    FileInput fileInput = context.file();
    if (fileInput.statements() == null) {
      return Optional.empty();
    }
    Map<String, Expression> assigned = new HashMap<>();
    FunctionDef upgrade = null;
    FunctionDef downgrade = null;
    List<Statement> statements = fileInput.statements().statements();
    Statement afterDowngrade = null;
    for (int i = 0; i < statements.size(); i++) {
      Statement statement = statements.get(i);
      if (statement instanceof AssignmentStatement assignment && assignment.lhsExpressions().size() == 1
        && assignment.lhsExpressions().get(0).expressions().size() == 1
        && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name name) {
        assigned.put(name.name(), assignment.assignedValue());
      } else if (statement instanceof AnnotatedAssignment annotated && annotated.variable() instanceof Name name
        && annotated.assignedValue() != null) {
        assigned.put(name.name(), annotated.assignedValue());
      } else if (statement instanceof FunctionDef function && "upgrade".equals(function.name().name())) {
        upgrade = function;
      } else if (statement instanceof FunctionDef function && "downgrade".equals(function.name().name())) {
        downgrade = function;
        afterDowngrade = i + 1 < statements.size() ? statements.get(i + 1) : null;
      }
    }
    Optional<String> revision = Optional.ofNullable(assigned.get("revision")).flatMap(Literals::stringValue);
    if (revision.isEmpty() || !assigned.containsKey("down_revision") || upgrade == null) {
      return Optional.empty();
    }
    List<String> downRevisions = new ArrayList<>();
    Expression down = assigned.get("down_revision");
    Literals.stringValue(down).ifPresent(downRevisions::add);
    Literals.collectionElements(down).ifPresent(elements -> elements.forEach(e -> Literals.stringValue(e).ifPresent(downRevisions::add)));
    List<AlembicOperation> operations = new ArrayList<>();
    collect(upgrade.body(), Map.of(), false, operations);
    boolean deliberate = downgrade != null && deliberatelyIrreversible(downgrade, afterDowngrade, ctx.pythonFile().content());
    boolean postgresqlInFile = operations.stream().anyMatch(AlembicRevision::hasPostgresqlArgument) || importsPostgresqlDialect(context);
    Path file = ModuleSources.directoryOf(ctx.pythonFile()).map(d -> d.resolve(ctx.pythonFile().fileName())).orElse(null);
    return Optional.of(new AlembicRevision(revision.get(), downRevisions, assigned.get("branch_labels"), upgrade, downgrade, operations,
      deliberate, postgresqlInFile, file));
  }

  private static void collect(Tree tree, Map<String, CallExpression> batches, boolean autocommit, List<AlembicOperation> operations) {
    if (tree instanceof FunctionDef || tree instanceof ClassDef || tree instanceof LambdaExpression) {
      return;
    }
    if (tree instanceof WithStatement with) {
      Map<String, CallExpression> inner = new HashMap<>(batches);
      boolean innerAutocommit = autocommit;
      for (WithItem item : with.withItems()) {
        collect(item.test(), batches, autocommit, operations);
        if (item.test() instanceof CallExpression call) {
          if (AlembicApi.BATCH_ALTER_TABLE.isCalledBy(call) && item.expression() instanceof Name alias) {
            inner.put(alias.name(), call);
          } else if (isAutocommitBlock(call)) {
            innerAutocommit = true;
          }
        }
      }
      collect(with.statements(), inner, innerAutocommit, operations);
      return;
    }
    if (tree instanceof CallExpression call) {
      operation(call, batches, autocommit).ifPresent(operations::add);
    }
    for (Tree child : tree.children()) {
      collect(child, batches, autocommit, operations);
    }
  }

  private static Optional<AlembicOperation> operation(CallExpression call, Map<String, CallExpression> batches, boolean autocommit) {
    Optional<String> function = AlembicApi.opFunction(call);
    if (function.isPresent()) {
      String kind = function.get();
      Integer position = AlembicOperation.TABLE_POSITION.get(kind);
      Optional<String> table = position == null ? Optional.empty()
        : Arguments.value(call, position, AlembicOperation.TABLE_KEYWORD.getOrDefault(kind, "table_name")).flatMap(Literals::stringValue);
      return Optional.of(new AlembicOperation(kind, call, table, null, autocommit));
    }
    if (call.callee() instanceof QualifiedExpression qualified && qualified.qualifier() instanceof Name receiver
      && batches.containsKey(receiver.name())) {
      CallExpression batch = batches.get(receiver.name());
      Optional<String> table = Arguments.value(batch, 0, "table_name").flatMap(Literals::stringValue);
      return Optional.of(new AlembicOperation(qualified.name().name(), call, table, batch, autocommit));
    }
    return Optional.empty();
  }

  /** {@code op.get_context().autocommit_block()} or {@code context.autocommit_block()}. */
  private static boolean isAutocommitBlock(CallExpression call) {
    if (!(call.callee() instanceof QualifiedExpression qualified) || !"autocommit_block".equals(qualified.name().name())) {
      return false;
    }
    Expression receiver = qualified.qualifier();
    return (receiver instanceof CallExpression getContext && AlembicApi.GET_CONTEXT.isCalledBy(getContext)) || AlembicApi.CONTEXT.matches(receiver);
  }

  private static boolean hasPostgresqlArgument(AlembicOperation operation) {
    return operation.call().arguments().stream()
      .anyMatch(a -> a instanceof RegularArgument regular && regular.keywordArgument() != null
        && regular.keywordArgument().name().startsWith("postgresql_"));
  }

  private static boolean importsPostgresqlDialect(AnalysisContext context) {
    for (Statement statement : context.imports()) {
      if (statement instanceof ImportFrom importFrom && importFrom.module() != null) {
        String module = dotted(importFrom.module().names());
        if (module.startsWith(AlembicApi.POSTGRESQL_DIALECT_MODULE)
          || (AlembicApi.POSTGRESQL_DIALECT_MODULE.startsWith(module + ".") && importFrom.importedNames().stream()
            .anyMatch(n -> AlembicApi.POSTGRESQL_DIALECT_MODULE.equals(module + "." + dotted(n.dottedName().names()))))) {
          return true;
        }
      } else if (statement instanceof ImportName importName
        && importName.modules().stream().anyMatch(m -> dotted(m.dottedName().names()).startsWith(AlembicApi.POSTGRESQL_DIALECT_MODULE))) {
        return true;
      }
    }
    return false;
  }

  private static String dotted(List<Name> names) {
    return String.join(".", names.stream().map(Name::name).toList());
  }

  /**
   * A downgrade that says it cannot be done: it raises (e.g. {@code NotImplementedError}), a comment of its lines says
   * the revision is irreversible / forward-only, or its body is empty and explained by a comment line ("no need to go
   * back: the old behaviour was a bug").
   */
  private static boolean deliberatelyIrreversible(FunctionDef downgrade, @Nullable Statement next, String content) {
    for (Statement statement : downgrade.body().statements()) {
      if (statement instanceof RaiseStatement) {
        return true;
      }
    }
    int first = downgrade.firstToken().line();
    Token after = next == null ? null : next.firstToken();
    String[] lines = content.split("\n", -1);
    int last = after == null ? lines.length : Math.max(first, after.line() - 1);
    boolean empty = downgrade.body().statements().stream().allMatch(st -> isTrivial(st, downgrade));
    for (int line = first; line <= last && line <= lines.length; line++) {
      if (IRREVERSIBLE_COMMENT.matcher(lines[line - 1]).find() || (empty && line > first && lines[line - 1].strip().startsWith("#"))) {
        return true;
      }
    }
    String docstring = downgrade.docstring() == null ? "" : downgrade.docstring().trimmedQuotesValue().toLowerCase(Locale.ROOT);
    return docstring.contains("irreversib") || docstring.contains("not reversible") || docstring.contains("not supported");
  }

  public String revision() {
    return revision;
  }

  /** The revisions this one revises: one, none for the first revision, several for a merge point. */
  public List<String> downRevisions() {
    return downRevisions;
  }

  public boolean isMergePoint() {
    return downRevisions.size() > 1;
  }

  public FunctionDef upgrade() {
    return upgrade;
  }

  public Optional<FunctionDef> downgrade() {
    return Optional.ofNullable(downgrade);
  }

  /** Whether {@code downgrade()} has a body beyond {@code pass}, {@code ...} and its docstring. */
  public boolean downgradeDoesSomething() {
    return downgrade != null && downgrade.body().statements().stream().anyMatch(s -> !isTrivial(s, downgrade));
  }

  private static boolean isTrivial(Statement statement, FunctionDef function) {
    if (statement.is(Tree.Kind.PASS_STMT)) {
      return true;
    }
    return statement instanceof ExpressionStatement expression && expression.expressions().size() == 1
      && (expression.expressions().get(0).is(Tree.Kind.ELLIPSIS, Tree.Kind.STRING_LITERAL));
  }

  /** A downgrade that raises or says (comment, docstring) that the revision cannot be reverted: a decision, not an omission. */
  public boolean deliberatelyIrreversible() {
    return deliberatelyIrreversible;
  }

  /** The operations of {@code upgrade()}, in document order. */
  public List<AlembicOperation> operations() {
    return operations;
  }

  /** Whether the table (by name, case-insensitive) is created by this revision: its changes break no running code. */
  public boolean createsTable(AlembicOperation operation) {
    return operation.tableIn(createdTables);
  }

  /**
   * The contract step of an expand/contract layout (OpenStack's {@code versions/<release>/contract/}, a
   * {@code contract} branch label): its drops and renames run once no old code is left, by design.
   */
  public boolean isContractStep() {
    if (branchLabels != null && sourceText(branchLabels).toLowerCase(Locale.ROOT).contains("contract")) {
      return true;
    }
    for (Path p = file == null ? null : file.getParent(); p != null && p.getFileName() != null; p = p.getParent()) {
      String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
      if ("versions".equals(name)) {
        return false;
      }
      if ("contract".equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String sourceText(Tree tree) {
    StringBuilder text = new StringBuilder();
    org.backendreview.tree.Trees.walk(tree, t -> true, t -> {
      if (t instanceof Token token) {
        text.append(token.value());
      }
    });
    return text.toString();
  }

  /**
   * Whether the chain below this revision can be downgraded: a revision it revises has a downgrade that does something
   * (for a first revision: any other revision of the version location has one). A project whose revisions stopped
   * writing downgrades (OpenStack after Liberty) is forward-only there.
   */
  public boolean chainBelowIsReversible() {
    if (downRevisions.isEmpty()) {
      return siblings().entrySet().stream().anyMatch(e -> !e.getKey().equals(file) && e.getValue().revertible());
    }
    return siblings().values().stream().anyMatch(f -> downRevisions.contains(f.revision()) && f.revertible());
  }

  private Map<Path, RevisionGraph.Facts> siblings() {
    if (siblings == null) {
      siblings = file == null ? Map.of() : RevisionGraph.revisionsAround(file);
    }
    return siblings;
  }

  /**
   * Whether the revision runs on PostgreSQL: yes when it passes {@code postgresql_*} arguments or imports the PostgreSQL
   * dialect, or when {@code env.py}/{@code alembic.ini} name a PostgreSQL URL; no when they name only other databases;
   * else unknown.
   */
  public Postgresql postgresql() {
    if (postgresql == null) {
      if (postgresqlInFile) {
        postgresql = Postgresql.YES;
      } else {
        Set<String> configured = file == null ? Set.of() : AlembicEnvironment.configuredDatabases(file);
        if (configured.contains("postgresql")) {
          postgresql = Postgresql.YES;
        } else {
          postgresql = configured.isEmpty() ? Postgresql.UNKNOWN : Postgresql.NO;
        }
      }
    }
    return postgresql;
  }
}
