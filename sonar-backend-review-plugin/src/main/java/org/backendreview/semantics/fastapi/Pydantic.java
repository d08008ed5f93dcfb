/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.AnnotatedAssignment;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Pydantic models and settings (v1 and v2 APIs): model classes across modules, their declared fields, and the
 * constraint helpers ({@code Field}, {@code constr}, {@code conlist}, {@code StringConstraints}) that bound them.
 */
public final class Pydantic {

  public static final Predicate<String> BASE_MODEL = fqn -> "pydantic.main.BaseModel".equals(fqn) || "pydantic.BaseModel".equals(fqn)
    || "pydantic.v1.BaseModel".equals(fqn) || "pydantic.v1.main.BaseModel".equals(fqn);
  public static final Predicate<String> SETTINGS = fqn -> "pydantic_settings.BaseSettings".equals(fqn)
    || "pydantic_settings.main.BaseSettings".equals(fqn) || "pydantic.BaseSettings".equals(fqn)
    || "pydantic.env_settings.BaseSettings".equals(fqn) || "pydantic.v1.BaseSettings".equals(fqn);
  private static final Predicate<String> SQLMODEL = fqn -> "sqlmodel.SQLModel".equals(fqn) || "sqlmodel.main.SQLModel".equals(fqn);
  public static final Set<String> FIELD_FUNCTIONS = Set.of("pydantic.Field", "pydantic.fields.Field", "sqlmodel.Field", "sqlmodel.main.Field");
  public static final Set<String> ANNOTATED = Set.of("typing.Annotated", "typing_extensions.Annotated");

  /**
   * A field declared in a model body: {@code name: annotation [= default]}.
   *
   * @param name the field name
   * @param annotation the declared type
   * @param defaultValue the default value or {@code Field(...)} call, or null
   * @param declaration the annotated assignment
   */
  public record ModelField(Name name, Expression annotation, Expression defaultValue, AnnotatedAssignment declaration) {
  }

  private Pydantic() {
  }

  /** True when the class is a Pydantic model (settings included), or a non-table SQLModel. */
  public static boolean isModelClassDef(ClassDef classDef) {
    if (ClassHierarchy.extendsAny(classDef, BASE_MODEL.or(SETTINGS))) {
      return true;
    }
    return ClassHierarchy.extendsAny(classDef, SQLMODEL) && !isSqlModelTable(classDef);
  }

  /** True when the expression names a Pydantic model class. */
  public static boolean isModelClass(Expression expression) {
    return ClassHierarchy.isOrExtends(expression, BASE_MODEL.or(SETTINGS));
  }

  /** True for a {@code BaseSettings} subclass (pydantic-settings or Pydantic v1). */
  public static boolean isSettingsClassDef(ClassDef classDef) {
    return ClassHierarchy.extendsAny(classDef, SETTINGS);
  }

  private static boolean isSqlModelTable(ClassDef classDef) {
    if (classDef.args() == null) {
      return false;
    }
    for (Argument argument : classDef.args().arguments()) {
      if (argument instanceof RegularArgument regular && regular.keywordArgument() != null && "table".equals(regular.keywordArgument().name())) {
        return Literals.booleanValue(regular.expression()).orElse(true);
      }
    }
    return false;
  }

  /** The fields declared directly in the class body (not inherited ones), in order. Class variables are skipped. */
  public static List<ModelField> fields(ClassDef classDef) {
    List<ModelField> result = new ArrayList<>();
    for (Statement statement : classDef.body().statements()) {
      AnnotatedAssignment annotated = annotatedAssignment(statement);
      if (annotated != null && annotated.variable() instanceof Name name && !name.name().startsWith("_")
        && !isClassVar(annotated.annotation().expression())) {
        result.add(new ModelField(name, annotated.annotation().expression(), annotated.assignedValue(), annotated));
      }
    }
    return result;
  }

  private static AnnotatedAssignment annotatedAssignment(Statement statement) {
    if (statement instanceof AnnotatedAssignment annotated) {
      return annotated;
    }
    if (statement instanceof ExpressionStatement expressionStatement && expressionStatement.expressions().size() == 1
      && expressionStatement.expressions().get(0) instanceof AnnotatedAssignment annotated) {
      return annotated;
    }
    return null;
  }

  private static boolean isClassVar(Expression annotation) {
    Expression expr = Trees.skipParentheses(annotation);
    Expression head = expr instanceof SubscriptionExpression subscription ? subscription.object() : expr;
    return Fqns.of(head).filter(f -> f.equals("typing.ClassVar") || f.equals("typing_extensions.ClassVar")).isPresent();
  }

  /** True for {@code Field(...)}, {@code pydantic.Field(...)}, {@code sqlmodel.Field(...)}. */
  public static boolean isFieldCall(Expression expression) {
    return Trees.skipParentheses(expression) instanceof CallExpression call && Fqns.ofCallee(call).filter(FIELD_FUNCTIONS::contains).isPresent();
  }

  /** For {@code Annotated[T, m1, m2]}: {@code T} then the metadata; for anything else: the expression alone. */
  public static List<Expression> unwrapAnnotated(Expression annotation) {
    Expression expr = Trees.skipParentheses(annotation);
    if (expr instanceof SubscriptionExpression subscription && Fqns.of(subscription.object()).filter(ANNOTATED::contains).isPresent()) {
      return new ArrayList<>(subscription.subscripts().expressions());
    }
    return List.of(expr);
  }

  /** The value of a keyword of a {@code Field(...)}-like call, when present. */
  public static Optional<Expression> keyword(Expression call, String keyword) {
    Expression expr = Trees.skipParentheses(call);
    return expr instanceof CallExpression c ? Arguments.keyword(c, keyword).map(RegularArgument::expression) : Optional.empty();
  }
}
