/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.hygiene;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.tree.TextEdits;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.quickfix.PythonQuickFix;
import org.sonar.plugins.python.api.quickfix.PythonTextEdit;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * PY-05: the same UPPER_CASE constant bound twice at module level. The second binding silently replaces the first;
 * readers (and code between the two) see different values. Conditional definitions (inside if/try) and extensions
 * that read the previous value ({@code APPS = APPS + [...]}) are not duplicates.
 */
@Rule(key = "DuplicateModuleConstant")
public class DuplicateModuleConstantCheck extends BackendReviewCheck {

  private static final Pattern CONSTANT = Pattern.compile("_?[A-Z][A-Z0-9_]*");

  /** A module-level binding of a constant. */
  private record Binding(Name name, Statement statement, Expression value) {
  }

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, DuplicateModuleConstantCheck::checkModule);
  }

  private static void checkModule(SubscriptionContext ctx) {
    FileInput module = (FileInput) ctx.syntaxNode();
    if (module.statements() == null) {
      return;
    }
    Map<String, Binding> first = new HashMap<>();
    for (Statement statement : module.statements().statements()) {
      for (Binding binding : bindings(statement)) {
        String name = binding.name().name();
        if (readsName(binding.value(), name)) {
          // APPS = APPS + [...] extends the previous value: not a duplicate
          first.remove(name);
          continue;
        }
        Binding previous = first.get(name);
        if (previous == null) {
          first.put(name, binding);
        } else {
          report(ctx, previous, binding);
        }
      }
    }
  }

  private static void report(SubscriptionContext ctx, Binding previous, Binding duplicate) {
    int line = previous.name().firstToken().line();
    String name = duplicate.name().name();
    boolean sameValue = sameText(previous.value(), duplicate.value());
    String message = sameValue
      ? ("Remove this redundant definition of \"" + name + "\": it repeats the one on line " + line + ".")
      : ("Remove or rename this second definition of \"" + name + "\": it silently replaces the value set on line " + line + ".");
    var issue = ctx.addIssue(duplicate.name(), message).secondary(previous.name(), "First definition");
    if (sameValue && duplicate.statement().is(Tree.Kind.ASSIGNMENT_STMT, Tree.Kind.ANNOTATED_ASSIGNMENT)
      && bindings(duplicate.statement()).size() == 1) {
      issue.addQuickFix(PythonQuickFix.newQuickFix("Remove the redundant definition", removeLines(duplicate.statement())));
    }
  }

  private static PythonTextEdit removeLines(Statement statement) {
    Token first = statement.firstToken();
    int[] end = TextEdits.end(statement.lastToken());
    Tree next = nextStatement(statement);
    if (next != null) {
      Token nextToken = next.firstToken();
      return new PythonTextEdit("", first.line(), 0, nextToken.line(), 0);
    }
    return new PythonTextEdit("", first.line(), 0, end[0], end[1]);
  }

  private static Tree nextStatement(Statement statement) {
    List<Tree> siblings = statement.parent().children();
    int index = siblings.indexOf(statement);
    for (int i = index + 1; i < siblings.size(); i++) {
      if (siblings.get(i) instanceof Statement s) {
        return s;
      }
    }
    return null;
  }

  private static List<Binding> bindings(Statement statement) {
    List<Binding> result = new ArrayList<>();
    if (statement instanceof AssignmentStatement assignment) {
      for (ExpressionList lhs : assignment.lhsExpressions()) {
        if (lhs.expressions().size() == 1 && lhs.expressions().get(0) instanceof Name name && isConstant(name)) {
          result.add(new Binding(name, statement, assignment.assignedValue()));
        }
      }
    } else if (statement instanceof AnnotatedAssignment annotated && annotated.assignedValue() != null
      && annotated.variable() instanceof Name name && isConstant(name)) {
      result.add(new Binding(name, statement, annotated.assignedValue()));
    }
    return result;
  }

  private static boolean isConstant(Name name) {
    return name.name().length() > 1 && CONSTANT.matcher(name.name()).matches();
  }

  private static boolean readsName(Expression value, String name) {
    boolean[] found = {false};
    Trees.walk(value, t -> true, t -> {
      if (t instanceof Name n && n.name().equals(name)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static boolean sameText(Expression a, Expression b) {
    List<String> left = new ArrayList<>();
    List<String> right = new ArrayList<>();
    Trees.walk(a, t -> true, t -> {
      if (t instanceof Token token) {
        left.add(token.value());
      }
    });
    Trees.walk(b, t -> true, t -> {
      if (t instanceof Token token) {
        right.add(token.value());
      }
    });
    return left.equals(right);
  }
}
