/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.Bool;
import org.backendreview.semantics.project.ModuleSummary.Call;
import org.backendreview.semantics.project.ModuleSummary.ClassSummary;
import org.backendreview.semantics.project.ModuleSummary.Range;
import org.backendreview.semantics.project.ModuleSummary.Seq;
import org.backendreview.semantics.project.ModuleSummary.Str;
import org.backendreview.semantics.project.ModuleSummary.Value;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * One Django migration read statically: its {@code class Migration(migrations.Migration)}, the operations of its
 * {@code operations} list in order (the operations of {@code SeparateDatabaseAndState} flattened, each marked
 * database-only or state-only), {@code atomic}, {@code initial}, {@code replaces}, and the {@link MigrationState model
 * state} its operations start from, built from the app's earlier migrations (the ones it depends on, read through their
 * module summaries; a dependency replaced by a squashed migration is read from the squashed one).
 * <p>
 * An operation's kind is the simple name of its class when the import proves it is one of Django's migration operations
 * ({@code migrations.AddField}, {@code AddIndexConcurrently} from {@code django.contrib.postgres.operations}). Operations
 * of lists that are not literal are unknown (absent).
 */
public final class DjangoMigration {

  private static final AnalysisContext.Key<Optional<DjangoMigration>> KEY = AnalysisContext.Key.of("django-migration");
  private static final int MAX_ANCESTORS = 2_000;

  private final ClassDef migrationClass;
  private final ModuleSummary summary;
  private final List<MigrationOperation> operations;
  private final List<String> dependencies;
  private final Path directory;
  private final String name;

  private DjangoMigration(ClassDef migrationClass, ModuleSummary summary, List<MigrationOperation> operations, List<String> dependencies,
    Path directory, String name) {
    this.migrationClass = migrationClass;
    this.summary = summary;
    this.operations = operations;
    this.dependencies = dependencies;
    this.directory = directory;
    this.name = name;
  }

  /** The migration of the file being analysed, when it is a Django migration module (computed once per file). */
  public static Optional<DjangoMigration> of(SubscriptionContext ctx) {
    AnalysisContext context = AnalysisContext.of(ctx);
    return context.fact(KEY, c -> {
      Optional<Path> directory = ModuleSources.directoryOf(ctx.pythonFile());
      String fileName = ctx.pythonFile().fileName();
      if (directory.isEmpty() || directory.get().getFileName() == null || !"migrations".equals(directory.get().getFileName().toString())
        || !fileName.endsWith(".py")) {
        return Optional.empty();
      }
      ClassDef classDef = migrationClassOf(c.file());
      if (classDef == null) {
        return Optional.empty();
      }
      Map<Range, CallExpression> calls = new HashMap<>();
      Trees.walk(classDef, t -> true, t -> {
        if (t instanceof CallExpression call) {
          calls.put(Range.of(call), call);
        }
      });
      return read(c.summary(), calls, directory.get(), fileName.substring(0, fileName.length() - ".py".length()), classDef);
    });
  }

  private static ClassDef migrationClassOf(FileInput file) {
    if (file.statements() == null) {
      return null;
    }
    for (Statement statement : file.statements().statements()) {
      if (statement instanceof ClassDef classDef && "Migration".equals(classDef.name().name())) {
        return classDef;
      }
    }
    return null;
  }

  private static Optional<DjangoMigration> read(ModuleSummary summary, Map<Range, CallExpression> calls, Path directory, String name,
    ClassDef classDef) {
    ClassSummary migration = summary.classes().get("Migration");
    if (migration == null || migration.bases().stream()
      .noneMatch(base -> base instanceof ModuleSummary.Dotted dotted && DjangoApi.MIGRATION.contains(summary.resolve(dotted.text())))) {
      return Optional.empty();
    }
    List<MigrationOperation> operations = new ArrayList<>();
    ModuleSummary.Assigned assigned = migration.attributes().get("operations");
    if (assigned != null) {
      addOperations(assigned.value(), MigrationOperation.Placement.PLAIN, summary, calls, operations);
    }
    List<String> dependencies = new ArrayList<>();
    ModuleSummary.Assigned deps = migration.attributes().get("dependencies");
    if (deps != null && deps.value() instanceof Seq seq) {
      for (Value element : seq.elements()) {
        if (element instanceof Seq pair && pair.elements().size() == 2 && pair.elements().get(0) instanceof Str label
          && pair.elements().get(1) instanceof Str dependency) {
          dependencies.add(label.value() + "/" + dependency.value());
        }
      }
    }
    return Optional.of(new DjangoMigration(classDef, summary, operations, dependencies, directory, name));
  }

  private static void addOperations(Value list, MigrationOperation.Placement placement, ModuleSummary summary, Map<Range, CallExpression> calls,
    List<MigrationOperation> operations) {
    if (!(list instanceof Seq seq)) {
      return;
    }
    for (Value element : seq.elements()) {
      if (element instanceof Call call && !call.unpacking()) {
        kind(call, summary).ifPresent(kind -> {
          if ("SeparateDatabaseAndState".equals(kind)) {
            call.arg(0, "database_operations").ifPresent(ops -> addOperations(ops, MigrationOperation.Placement.DATABASE_ONLY, summary, calls, operations));
            call.arg(1, "state_operations").ifPresent(ops -> addOperations(ops, MigrationOperation.Placement.STATE_ONLY, summary, calls, operations));
          } else {
            operations.add(new MigrationOperation(kind, call, calls.get(call.range()), placement));
          }
        });
      }
    }
  }

  private static Optional<String> kind(Call call, ModuleSummary summary) {
    String fqn = summary.resolve(call.callee());
    return DjangoApi.MIGRATION_OPERATION_MODULES.stream().filter(fqn::startsWith).findFirst()
      .map(module -> fqn.substring(fqn.lastIndexOf('.') + 1));
  }

  /** The module-level {@code class Migration}. */
  public ClassDef migrationClass() {
    return migrationClass;
  }

  /** The operations in order ({@code SeparateDatabaseAndState} flattened). */
  public List<MigrationOperation> operations() {
    return operations;
  }

  /** The class attribute {@code name} of the migration as a boolean literal, when it is one ({@code atomic}, {@code initial}). */
  public Optional<Boolean> flag(String attribute) {
    ClassSummary migration = summary.classes().get("Migration");
    ModuleSummary.Assigned assigned = migration == null ? null : migration.attributes().get(attribute);
    return assigned != null && assigned.value() instanceof Bool bool ? Optional.of(bool.value()) : Optional.empty();
  }

  /** Whether the migration runs in a transaction ({@code atomic} is not set to False). */
  public boolean isAtomic() {
    return flag("atomic").orElse(true);
  }

  /** Whether the migration replaces others (a squashed migration). */
  public boolean isSquashed() {
    ClassSummary migration = summary.classes().get("Migration");
    ModuleSummary.Assigned replaces = migration == null ? null : migration.attributes().get("replaces");
    return replaces != null && replaces.value() instanceof Seq seq && !seq.elements().isEmpty();
  }

  /** The label of the migration's app (see {@link MigrationGraph}). */
  public String appLabel() {
    return MigrationGraph.appLabel(directory);
  }

  /** The module summary of the migration file. */
  public ModuleSummary summary() {
    return summary;
  }

  /**
   * Calls the consumer with each operation of this migration and the model state just before it (the state is the
   * same mutable object, updated after each call: read it, do not keep it).
   */
  public void forEachOperation(BiConsumer<MigrationOperation, MigrationState> consumer) {
    MigrationState state = stateBefore();
    for (MigrationOperation operation : operations) {
      consumer.accept(operation, state);
      state.apply(operation, true);
    }
  }

  /** A plain operation (not in SeparateDatabaseAndState) on a named model, with the model state just before it. */
  @FunctionalInterface
  public interface ModelOperationConsumer {
    void accept(MigrationOperation operation, String model, MigrationState state);
  }

  /**
   * Each plain operation (run on the database and in the state, not inside SeparateDatabaseAndState) whose call and
   * model are known, with its model's name and the model state just before it.
   */
  public void forEachPlainModelOperation(ModelOperationConsumer consumer) {
    forEachOperation((operation, state) -> {
      if (operation.placement() == MigrationOperation.Placement.PLAIN && operation.call() != null && operation.model().isPresent()) {
        consumer.accept(operation, operation.model().get(), state);
      }
    });
  }

  /**
   * The operations of the migrations of the same app this one depends on directly (read from their files; a
   * dependency replaced by a squashed migration is read from the squashed one), in dependency order.
   */
  public List<MigrationOperation> dependencyOperations() {
    String label = MigrationGraph.appLabel(directory);
    List<MigrationOperation> result = new ArrayList<>();
    for (String dependency : dependencies) {
      fileOf(dependency, label).ifPresent(ancestor -> readAncestor(ancestor).ifPresent(migration -> result.addAll(migration.operations)));
    }
    return result;
  }

  /** The model state built by the app's migrations this one depends on (transitively), in dependency order. */
  MigrationState stateBefore() {
    MigrationState state = new MigrationState();
    String label = MigrationGraph.appLabel(directory);
    Set<String> visited = new HashSet<>();
    visited.add(name);
    for (String dependency : dependencies) {
      applyAncestor(dependency, label, state, visited);
    }
    return state;
  }

  private void applyAncestor(String dependency, String label, MigrationState state, Set<String> visited) {
    if (visited.size() > MAX_ANCESTORS) {
      return;
    }
    Optional<String> ancestor = fileOf(dependency, label);
    if (ancestor.isEmpty() || !visited.add(ancestor.get())) {
      return;
    }
    Optional<DjangoMigration> migration = readAncestor(ancestor.get());
    if (migration.isEmpty()) {
      return;
    }
    for (String next : migration.get().dependencies) {
      applyAncestor(next, label, state, visited);
    }
    for (MigrationOperation operation : migration.get().operations) {
      state.apply(operation, false);
    }
  }

  /**
   * The name of the migration file of a dependency ({@code label/name}) of this app: its own file, else the squashed
   * migration that replaces it; empty for another app's or a missing one.
   */
  private Optional<String> fileOf(String dependency, String label) {
    int slash = dependency.indexOf('/');
    if (!dependency.substring(0, slash).equals(label)) {
      return Optional.empty();
    }
    String ancestor = dependency.substring(slash + 1);
    return java.nio.file.Files.isRegularFile(directory.resolve(ancestor + ".py")) ? Optional.of(ancestor)
      : MigrationGraph.replacedBy(directory, label, ancestor);
  }

  private Optional<DjangoMigration> readAncestor(String ancestor) {
    return ModuleSources.summaryOf(directory.resolve(ancestor + ".py")).flatMap(summary -> read(summary, Map.of(), directory, ancestor, null));
  }

  /** The tree of an operation's argument (by position or keyword) in the reviewed file, when it has one. */
  public static Optional<Tree> argumentTree(MigrationOperation operation, int position, String keyword) {
    return operation.call() == null ? Optional.empty()
      : org.backendreview.tree.Arguments.value(operation.call(), position, keyword).map(Tree.class::cast);
  }
}
