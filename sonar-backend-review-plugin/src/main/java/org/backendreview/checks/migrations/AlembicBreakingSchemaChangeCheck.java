/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.migrations.DjangoMigrationCheck.Finding;
import org.backendreview.semantics.alembic.AlembicApi;
import org.backendreview.semantics.alembic.AlembicOperation;
import org.backendreview.semantics.alembic.AlembicRevision;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * MIG-11 (schema half): operations of an Alembic revision's {@code upgrade()} that break the code still running during
 * the deploy, on a table that existed before the revision: a NOT NULL column added without {@code server_default}
 * ({@code add_column(Column(..., nullable=False))}) or made NOT NULL ({@code alter_column(nullable=False)}) without one;
 * {@code drop_column}/{@code drop_table}; renames ({@code alter_column(new_column_name=)}, {@code rename_table}); type
 * changes ({@code alter_column(type_=)} from a known {@code existing_type}, widening a string excepted). Tables created by
 * the same revision and the contract step of expand/contract branches (run once no old code is left) are not reported; the
 * methods of a {@code batch_alter_table} block count like the {@code op} functions.
 */
@Rule(key = "AlembicBreakingSchemaChange")
public class AlembicBreakingSchemaChangeCheck extends AlembicRevisionCheck {

  private static final Set<String> STRINGS = Set.of("STRING", "VARCHAR", "UNICODE", "NVARCHAR", "CHAR", "NCHAR", "TEXT", "UNICODETEXT",
    "CLOB", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT");
  private static final Set<String> UNBOUNDED_STRINGS = Set.of("TEXT", "UNICODETEXT", "CLOB", "MEDIUMTEXT", "LONGTEXT");
  private static final Set<String> GENERATED = Set.of("Identity", "Computed");

  @Override
  protected List<Finding> findings(AlembicRevision revision, SubscriptionContext ctx) {
    if (revision.isContractStep()) {
      return List.of();
    }
    boolean createsUnnamedTable = revision.operations().stream().anyMatch(o -> "create_table".equals(o.kind()) && o.table().isEmpty());
    List<Finding> findings = new ArrayList<>();
    for (AlembicOperation operation : revision.operations()) {
      if (revision.createsTable(operation) || (operation.table().isEmpty() && createsUnnamedTable)) {
        continue;
      }
      String table = operation.table().map(t -> "\"" + t + "\"").orElse("the table");
      switch (operation.kind()) {
        case "add_column" -> addColumn(operation, findings);
        case "alter_column" -> alterColumn(operation, table, findings);
        case "drop_column" -> {
          String column = operation.columnName().map(c -> "\"" + c + "\"").orElse("this column");
          findings.add(new Finding(operation.call().callee(), "Drop column " + column + " in a release after the one that stops using it: "
            + "the code still running during this deploy selects it.", "column " + column + " dropped"));
        }
        case "drop_table" -> {
          findings.add(new Finding(operation.call().callee(), "Drop table " + table + " in a release after the one that stops using it: "
            + "the code still running during this deploy queries it.", "table " + table + " dropped"));
        }
        case "rename_table" -> {
          findings.add(new Finding(operation.call().callee(), "Rename table " + table + " in expand-contract steps (a new table or a view, "
            + "write both, switch, drop the old one later): the code still running during this deploy queries " + table + ".",
            "table " + table + " renamed"));
        }
        default -> {
          // other operations do not break running code
        }
      }
    }
    return findings;
  }

  private static void addColumn(AlembicOperation operation, List<Finding> findings) {
    Optional<Expression> argument = operation.argument(1, "column");
    if (argument.isEmpty() || !(argument.get() instanceof CallExpression column) || !AlembicApi.COLUMN.isCalledBy(column)
      || !isFalse(Arguments.keyword(column, "nullable")) || hasValue(Arguments.keyword(column, "server_default"))
      || isTrue(Arguments.keyword(column, "primary_key")) || column.arguments().stream().anyMatch(AlembicBreakingSchemaChangeCheck::isGenerated)
      || Arguments.hasKeywordUnpacking(column)) {
      return;
    }
    String name = Arguments.positional(column, 0).flatMap(a -> Literals.stringValue(a.expression())).map(n -> "\"" + n + "\"").orElse("this column");
    findings.add(new Finding(operation.call().callee(), "Give column " + name + " a server_default= or add it with nullable=True first: "
      + "adding a NOT NULL column without a database default fails on a table with rows, and the inserts of the code still running "
      + "during the deploy fail.", "NOT NULL column " + name + " without server_default", serverDefaultFix(column)));
  }

  private static void alterColumn(AlembicOperation operation, String table, List<Finding> findings) {
    String column = operation.columnName().map(c -> "\"" + c + "\"").orElse("this column");
    Optional<RegularArgument> newName = Arguments.keyword(operation.call(), "new_column_name");
    if (newName.isPresent() && !Literals.isNone(newName.get().expression())) {
      findings.add(new Finding(operation.call().callee(), "Rename column " + column + " in expand-contract steps (add the new column, "
        + "write both, back-fill, drop the old one later): the code still running during this deploy uses " + column + ".",
        "column " + column + " renamed"));
      return;
    }
    if (isFalse(Arguments.keyword(operation.call(), "nullable")) && !hasValue(Arguments.keyword(operation.call(), "server_default"))) {
      findings.add(new Finding(operation.call().callee(), "Back-fill " + column + " and give it a server_default= before making it NOT NULL: "
        + "rows and the code still running during the deploy that write NULL make this revision or the deploy fail.",
        column + " made NOT NULL"));
      return;
    }
    Optional<Expression> newType = Arguments.keyword(operation.call(), "type_").map(RegularArgument::expression);
    Optional<Expression> oldType = Arguments.keyword(operation.call(), "existing_type").map(RegularArgument::expression);
    if (newType.isPresent() && oldType.isPresent() && isRiskyTypeChange(oldType.get(), newType.get())) {
      findings.add(new Finding(operation.call().callee(), "Change the type of " + column + " in expand-contract steps (a new column, "
        + "back-fill, switch the code, drop the old one): converting it in place locks " + table + " while it rewrites it, and the code "
        + "still running reads the old type.", "type of " + column + " changed"));
    }
  }

  /**
   * A change between SQLAlchemy types (project-defined types are unknown) that is not a string getting wider (or the same
   * type, whatever its arguments: an {@code Enum} getting a value).
   */
  private static boolean isRiskyTypeChange(Expression oldType, Expression newType) {
    Optional<String> oldName = typeName(oldType);
    Optional<String> newName = typeName(newType);
    if (oldName.isEmpty() || newName.isEmpty()) {
      return false;
    }
    if (STRINGS.contains(oldName.get()) && STRINGS.contains(newName.get())) {
      if (UNBOUNDED_STRINGS.contains(newName.get())) {
        return false;
      }
      Optional<Integer> oldLength = length(oldType);
      Optional<Integer> newLength = length(newType);
      return UNBOUNDED_STRINGS.contains(oldName.get()) || (oldLength.isPresent() && newLength.isPresent() && newLength.get() < oldLength.get());
    }
    return !oldName.get().equals(newName.get());
  }

  /** The upper-case simple name of a SQLAlchemy type ({@code sa.String(20)}, {@code mysql.TEXT}, {@code Integer}). */
  private static Optional<String> typeName(Expression type) {
    Expression expression = Trees.skipParentheses(type);
    if (expression instanceof CallExpression call) {
      expression = call.callee();
    }
    Optional<String> fqn = Fqns.of(expression);
    if (fqn.isEmpty() || !AlembicApi.isSqlAlchemyName(fqn.get())) {
      return Optional.empty();
    }
    if (expression instanceof Name name) {
      return Optional.of(name.name().toUpperCase(Locale.ROOT));
    }
    if (expression instanceof QualifiedExpression qualified) {
      return Optional.of(qualified.name().name().toUpperCase(Locale.ROOT));
    }
    return Optional.empty();
  }

  private static Optional<Integer> length(Expression type) {
    if (!(Trees.skipParentheses(type) instanceof CallExpression call)) {
      return Optional.empty();
    }
    return Arguments.value(call, 0, "length").filter(Literals::isNumber).flatMap(n -> {
      try {
        return Optional.of(Integer.parseInt(n.firstToken().value()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  private static boolean isGenerated(Argument argument) {
    return argument instanceof RegularArgument regular && regular.expression() instanceof CallExpression call
      && Fqns.calleeName(call).filter(GENERATED::contains).isPresent();
  }

  private static boolean isFalse(Optional<RegularArgument> argument) {
    return argument.flatMap(a -> Literals.booleanValue(a.expression())).filter(b -> !b).isPresent();
  }

  private static boolean isTrue(Optional<RegularArgument> argument) {
    return argument.flatMap(a -> Literals.booleanValue(a.expression())).filter(b -> b).isPresent();
  }

  private static boolean hasValue(Optional<RegularArgument> argument) {
    return argument.isPresent() && !Literals.isNone(argument.get().expression());
  }

  /** {@code server_default=} with the text of a string or integer {@code default=}, added after it. */
  private static List<PythonQuickFix> serverDefaultFix(CallExpression column) {
    Optional<RegularArgument> fallback = Arguments.keyword(column, "default");
    if (fallback.isEmpty()) {
      return List.of();
    }
    Expression value = fallback.get().expression();
    String serverDefault;
    if (value.is(Tree.Kind.STRING_LITERAL) && value.firstToken() == value.lastToken() && Literals.stringValue(value).isPresent()) {
      serverDefault = value.firstToken().value();
    } else if (Literals.isNumber(value) && value.firstToken() == value.lastToken() && value.firstToken().value().matches("\\d+")) {
      serverDefault = "\"" + value.firstToken().value() + "\"";
    } else {
      return List.of();
    }
    return List.of(PythonQuickFix.newQuickFix("Add \"server_default=" + serverDefault + "\"",
      TextEdits.insertAfter(fallback.get(), ", server_default=" + serverDefault)));
  }
}
