/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.fastapi.Pydantic;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.Member;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * What a client may write through an object built from request data: ORM model classes (Django, SQLAlchemy
 * declarative, SQLModel tables), the fields of Pydantic request schemas, DRF model serializers.
 */
public final class WritableModels {

  /** Field names that grant privileges or ownership when a client can set them. */
  public static final Set<String> PRIVILEGED_FIELDS = Set.of("is_admin", "is_superuser", "is_staff", "admin", "role", "roles",
    "permissions", "user_permissions", "groups", "is_verified", "email_verified", "verified", "balance", "credits", "owner", "owner_id",
    "tenant_id", "organization_id", "account_id", "is_active", "password_hash", "hashed_password");
  private static final Predicate<String> PYDANTIC = fqn -> fqn.equals("pydantic.BaseModel") || fqn.equals("pydantic.main.BaseModel");
  private static final Predicate<String> SQLALCHEMY_BASE = fqn -> fqn.startsWith("sqlalchemy.orm.") && fqn.endsWith("DeclarativeBase")
    || fqn.equals("sqlmodel.SQLModel") || fqn.equals("sqlmodel.main.SQLModel") || fqn.equals("flask_sqlalchemy.model.Model");
  private static final Predicate<String> MODEL_SERIALIZER = fqn -> fqn.equals("rest_framework.serializers.ModelSerializer")
    || fqn.equals("rest_framework.serializers.HyperlinkedModelSerializer");

  private WritableModels() {
  }

  /** True when the expression names an ORM model class: Django model, SQLAlchemy declarative class, SQLModel table. */
  public static boolean isOrmModelClass(Expression expression) {
    if (DjangoModels.isModelClass(expression)) {
      return true;
    }
    PythonType type = expression.typeV2();
    if (!(type instanceof ClassType classType)) {
      return false;
    }
    return classType.hasMember("__tablename__").isTrue() || ClassHierarchy.typeIsOrExtends(classType, SQLALCHEMY_BASE) && isTable(classType);
  }

  /** SQLModel classes are tables only with {@code table=True}; SQLAlchemy declarative classes always are. */
  private static boolean isTable(ClassType classType) {
    if (!ClassHierarchy.typeIsOrExtends(classType, fqn -> fqn.startsWith("sqlmodel."))) {
      return true;
    }
    return classType.hasMember("__tablename__").isTrue();
  }

  /**
   * For a request-schema class (the annotation of a body parameter): true when copying all its fields into a model is
   * a mass assignment, i.e. it is not a Pydantic model (a plain dict), it accepts extra fields, or it declares a
   * privileged field ({@code is_admin}, {@code role}, {@code owner_id}...).
   */
  public static boolean isPermissiveSchema(Expression annotation) {
    Expression expr = Trees.skipParentheses(annotation);
    if (expr instanceof SubscriptionExpression subscription && !subscription.subscripts().expressions().isEmpty()
      && isWrapper(subscription.object())) {
      expr = subscription.subscripts().expressions().get(0);
    }
    PythonType type = expr.typeV2();
    if (!(type instanceof ClassType classType) || !ClassHierarchy.typeIsOrExtends(classType, PYDANTIC)) {
      return true;
    }
    for (Member member : classType.members()) {
      if (PRIVILEGED_FIELDS.contains(member.name())) {
        return true;
      }
    }
    ClassDef definition = classDefinition(expr);
    return definition != null && allowsExtraFields(definition);
  }

  /** {@code model_config = ConfigDict(extra="allow")} or {@code class Config: extra = "allow"}. */
  private static boolean allowsExtraFields(ClassDef classDef) {
    for (Statement statement : classDef.body().statements()) {
      if (statement instanceof AssignmentStatement assignment && assignedName(assignment).filter("model_config"::equals).isPresent()
        && assignment.assignedValue() instanceof CallExpression config) {
        return Arguments.value(config, -1, "extra").filter(WritableModels::isAllow).isPresent();
      }
      if (statement instanceof ClassDef inner && "Config".equals(inner.name().name())) {
        for (Statement setting : inner.body().statements()) {
          if (setting instanceof AssignmentStatement assignment && assignedName(assignment).filter("extra"::equals).isPresent()
            && isAllow(assignment.assignedValue())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean isAllow(Expression value) {
    return Literals.stringValue(value).filter("allow"::equals).isPresent()
      || value instanceof QualifiedExpression qualified && "allow".equals(qualified.name().name());
  }

  private static Optional<String> assignedName(AssignmentStatement assignment) {
    if (assignment.lhsExpressions().size() == 1 && assignment.lhsExpressions().get(0).expressions().size() == 1
      && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name name) {
      return Optional.of(name.name());
    }
    return Optional.empty();
  }

  private static ClassDef classDefinition(Expression expression) {
    if (!(expression instanceof Name name)) {
      return null;
    }
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return null;
    }
    for (UsageV2 usage : symbol.usages()) {
      if (usage.kind() == UsageV2.Kind.CLASS_DECLARATION && usage.tree().parent() instanceof ClassDef classDef) {
        return classDef;
      }
    }
    return null;
  }

  /**
   * For a DRF {@code ModelSerializer} subclass at module or class level: the {@code fields = "__all__"} assignment of
   * its {@code Meta}, or null. Serializers built inside functions (DRF's own nested serializers) are dynamic.
   */
  public static AssignmentStatement allFieldsOfModelSerializer(ClassDef serializer) {
    if (Trees.enclosingFunction(serializer) != null || !ClassHierarchy.extendsAny(serializer, MODEL_SERIALIZER)) {
      return null;
    }
    for (Statement statement : serializer.body().statements()) {
      if (statement instanceof ClassDef meta && "Meta".equals(meta.name().name())) {
        for (Statement setting : meta.body().statements()) {
          if (setting instanceof AssignmentStatement assignment && assignedName(assignment).filter("fields"::equals).isPresent()
            && Literals.stringValue(assignment.assignedValue()).filter("__all__"::equals).isPresent()) {
            return assignment;
          }
        }
      }
    }
    return null;
  }

  /** {@code Optional[...]}, {@code Annotated[...]} and similar wrappers of a parameter annotation. */
  private static boolean isWrapper(Expression object) {
    String text = object instanceof Name n ? n.name() : object instanceof QualifiedExpression q ? q.name().name() : "";
    return Set.of("Optional", "Annotated", "Union").contains(text);
  }
}
