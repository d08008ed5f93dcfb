/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.django;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.AliasedName;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.ImportFrom;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * The Django models a module knows by name: model classes it defines, model classes it imports, and the targets of its
 * relation fields ({@code ForeignKey("shop.Product")}, {@code settings.AUTH_USER_MODEL} as {@code User}). Names are
 * {@linkplain #normalize normalized} (lower case, no underscores) so that a column name ({@code blog_post}) can be
 * compared with a class name ({@code BlogPost}). Computed once per file (a fact of its {@link AnalysisContext}).
 */
public final class DjangoModelNames {

  private static final Set<String> RELATIONS = Set.of("ForeignKey", "OneToOneField", "ManyToManyField");
  private static final AnalysisContext.Key<Map<String, String>> KEY = AnalysisContext.Key.of("django model names");

  private DjangoModelNames() {
  }

  /** {@code BlogPost}, {@code blog_post} → {@code blogpost}. */
  public static String normalize(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  /**
   * The name under which the file can refer to the model whose normalized class name (or import alias) is
   * {@code normalized}, or empty.
   */
  public static Optional<String> known(FileInput file, String normalized) {
    return Optional.ofNullable(AnalysisContext.of(file).fact(KEY, c -> collect(c.file())).get(normalized));
  }

  private static Map<String, String> collect(FileInput file) {
    Map<String, String> names = new HashMap<>();
    Trees.walk(file, t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA), tree -> {
      if (tree instanceof ClassDef classDef && DjangoModels.isModelClassDef(classDef)) {
        add(names, classDef.name().name());
      } else if (tree instanceof ImportFrom importFrom && !importFrom.isWildcardImport()) {
        for (AliasedName aliased : importFrom.importedNames()) {
          Name local = aliased.alias() != null ? aliased.alias() : aliased.dottedName().names().get(0);
          if (DjangoModels.isModelClass(local)) {
            String imported = aliased.dottedName().names().get(aliased.dottedName().names().size() - 1).name();
            names.putIfAbsent(normalize(imported), local.name());
            add(names, local.name());
          }
        }
      } else if (tree instanceof CallExpression call && call.parent() instanceof AssignmentStatement
        && Fqns.calleeName(call).filter(RELATIONS::contains).isPresent()) {
        Arguments.value(call, 0, "to").flatMap(DjangoModelNames::target).ifPresent(n -> add(names, n));
      }
    });
    return names;
  }

  /** {@code "app.Model"}, {@code "Model"}, {@code Model}, {@code settings.AUTH_USER_MODEL}. */
  private static Optional<String> target(Expression expression) {
    Optional<String> literal = Literals.stringValue(expression);
    if (literal.isPresent()) {
      String value = literal.get();
      return value.isEmpty() || "self".equals(value) ? Optional.empty() : Optional.of(value.substring(value.lastIndexOf('.') + 1));
    }
    Optional<String> dotted = ModuleSummary.dottedText(expression);
    if (dotted.isPresent() && dotted.get().endsWith("AUTH_USER_MODEL")) {
      return Optional.of("User");
    }
    return dotted.filter(d -> !d.contains("."));
  }

  private static void add(Map<String, String> names, String className) {
    names.putIfAbsent(normalize(className), className);
  }

  /** {@code class Meta: managed = False} in the model's body. */
  public static boolean isUnmanaged(ClassDef model) {
    for (Statement statement : model.body().statements()) {
      if (statement instanceof ClassDef meta && "Meta".equals(meta.name().name())) {
        for (Statement metaStatement : meta.body().statements()) {
          if (metaStatement instanceof AssignmentStatement a && a.lhsExpressions().size() == 1
            && a.lhsExpressions().get(0).expressions().get(0) instanceof Name n && "managed".equals(n.name())
            && !Literals.booleanValue(a.assignedValue()).orElse(false)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
