/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
  /**
   * Model fields that a client writing through a {@code fields = "__all__"} serializer must not choose: the privileged
   * fields, credentials, and the foreign keys that say who owns the row.
   */
  public static final Set<String> SENSITIVE_MODEL_FIELDS = Stream.concat(PRIVILEGED_FIELDS.stream(),
    Stream.of("password", "user", "user_id", "created_by", "author", "token", "api_key", "secret")).collect(Collectors.toUnmodifiableSet());
  private static final Predicate<String> USER_MODELS = ClassHierarchy.oneOf("django.contrib.auth.models.AbstractUser",
    "django.contrib.auth.models.User", "django.contrib.auth.base_user.AbstractBaseUser", "django.contrib.auth.models.AbstractBaseUser",
    "django.contrib.auth.models.PermissionsMixin");
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
        AssignmentStatement allFields = metaSetting(meta, "fields")
          .filter(a -> Literals.stringValue(a.assignedValue()).filter("__all__"::equals).isPresent()).orElse(null);
        if (allFields != null) {
          return allFields;
        }
      }
    }
    return null;
  }

  /**
   * The model fields a client must not set that a {@code fields = "__all__"} serializer leaves writable: the model's
   * {@link #SENSITIVE_MODEL_FIELDS} (or all of a user model's), minus those in {@code Meta.read_only_fields} and those
   * the serializer declares itself. Empty when the model is not resolved (the rule then stays silent) or has none:
   * exposing a tag's name and description is the point of such a serializer.
   */
  public static List<String> writableSensitiveFields(ClassDef serializer) {
    ClassDef meta = null;
    for (Statement statement : serializer.body().statements()) {
      if (statement instanceof ClassDef inner && "Meta".equals(inner.name().name())) {
        meta = inner;
      }
    }
    if (meta == null) {
      return List.of();
    }
    Optional<PythonType> model = metaSetting(meta, "model").map(a -> a.assignedValue().typeV2());
    if (model.isEmpty() || !(model.get() instanceof ClassType modelClass)) {
      return List.of();
    }
    Set<String> excluded = new java.util.HashSet<>();
    metaSetting(meta, "read_only_fields").flatMap(a -> Literals.collectionElements(a.assignedValue()))
      .ifPresent(elements -> elements.forEach(e -> Literals.stringValue(e).ifPresent(excluded::add)));
    for (Statement statement : serializer.body().statements()) {
      if (statement instanceof AssignmentStatement declared) {
        assignedName(declared).ifPresent(excluded::add);
      }
    }
    List<String> result = new java.util.ArrayList<>();
    if (ClassHierarchy.typeIsOrExtends(modelClass, USER_MODELS)) {
      for (String field : List.of("is_superuser", "is_staff", "password", "groups", "user_permissions")) {
        if (!excluded.contains(field)) {
          result.add(field);
        }
      }
      return result;
    }
    Set<String> declared = declaredMembers(modelClass);
    for (String field : SENSITIVE_MODEL_FIELDS.stream().sorted().toList()) {
      if (!excluded.contains(field) && declared.contains(field)) {
        result.add(field);
      }
    }
    return result;
  }

  /** The names declared in the class and its resolved ancestors ({@code hasMember} is unknown below an unresolved base). */
  private static Set<String> declaredMembers(ClassType classType) {
    Set<String> names = new java.util.HashSet<>();
    java.util.Deque<ClassType> toVisit = new java.util.ArrayDeque<>(List.of(classType));
    Set<ClassType> visited = new java.util.HashSet<>();
    while (!toVisit.isEmpty() && visited.size() < 20) {
      ClassType current = toVisit.poll();
      if (!visited.add(current)) {
        continue;
      }
      current.members().forEach(member -> names.add(member.name()));
      current.superClasses().forEach(superClass -> {
        if (superClass.type() instanceof ClassType parent) {
          toVisit.add(parent);
        }
      });
    }
    return names;
  }

  private static Optional<AssignmentStatement> metaSetting(ClassDef meta, String setting) {
    for (Statement statement : meta.body().statements()) {
      if (statement instanceof AssignmentStatement assignment && assignedName(assignment).filter(setting::equals).isPresent()) {
        return Optional.of(assignment);
      }
    }
    return Optional.empty();
  }

  /** {@code Optional[...]}, {@code Annotated[...]} and similar wrappers of a parameter annotation. */
  private static boolean isWrapper(Expression object) {
    String text = object instanceof Name n ? n.name() : object instanceof QualifiedExpression q ? q.name().name() : "";
    return Set.of("Optional", "Annotated", "Union").contains(text);
  }
}
