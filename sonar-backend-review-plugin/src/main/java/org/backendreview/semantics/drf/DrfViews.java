/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.drf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.backendreview.semantics.django.DjangoModels;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.ModuleSummary;
import org.backendreview.semantics.project.ModuleSummary.ClassSummary;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.TriBool;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.PythonType;
import org.sonar.plugins.python.api.types.v2.TypeWrapper;
import org.sonar.plugins.python.api.types.v2.UnknownType;

/**
 * Django REST framework generic views and viewsets declared in the analysed file: whether they serve a list action,
 * their {@code queryset}/{@code get_queryset()}, {@code serializer_class}, and {@code pagination_class} (also inherited
 * from project base classes, read through {@link ModuleSources}).
 */
public final class DrfViews {

  private static final Set<String> LIST_VIEWS = Set.of("rest_framework.generics.ListAPIView", "rest_framework.generics.ListCreateAPIView",
    "rest_framework.viewsets.ModelViewSet", "rest_framework.viewsets.ReadOnlyModelViewSet", "rest_framework.mixins.ListModelMixin");
  private static final Predicate<String> LIST_VIEW = LIST_VIEWS::contains;
  private static final String PAGINATION = "pagination_class";
  /** Libraries whose view classes set neither {@code pagination_class} nor {@code throttle_classes}. */
  private static final List<String> LIBRARY_BASES = List.of("rest_framework.", "rest_framework_simplejwt.", "django.views.",
    "django.contrib.auth.views.");

  private DrfViews() {
  }

  /** True when the class is a DRF view serving a list (generic list views, model viewsets, ListModelMixin). */
  public static boolean isListView(ClassDef classDef) {
    return ClassHierarchy.extendsAny(classDef, LIST_VIEW);
  }

  /**
   * The queryset the view lists, with where it is written (the {@code queryset =} value, or each {@code return} of
   * {@code get_queryset()}).
   */
  public record ViewQuerySet(DjangoQuerySets.QuerySet querySet, List<Tree> locations) {
  }

  public static Optional<ViewQuerySet> querySet(ClassDef view, SubscriptionContext ctx) {
    FunctionDef getQueryset = DjangoQuerySets.method(view, "get_queryset");
    if (getQueryset != null) {
      List<Tree> returns = new ArrayList<>();
      for (ReturnStatement statement : Trees.descendantsInSameScope(getQueryset.body(), Tree.Kind.RETURN_STMT, ReturnStatement.class)) {
        returns.addAll(statement.expressions());
      }
      return DjangoQuerySets.returnedQuerySet(getQueryset, ctx).map(qs -> new ViewQuerySet(qs, returns));
    }
    Optional<Expression> value = DjangoQuerySets.classAttribute(view, "queryset");
    return value.flatMap(v -> DjangoQuerySets.of(v, ctx).map(qs -> new ViewQuerySet(qs, List.of(v))));
  }

  /**
   * The serializer class the view uses for its list: the {@code serializer_class} attribute, or, when
   * {@code get_serializer_class()} is overridden, the class it returns under {@code if self.action == "list":}.
   */
  public static Optional<ClassType> serializerClass(ClassDef view) {
    FunctionDef getSerializerClass = DjangoQuerySets.method(view, "get_serializer_class");
    if (getSerializerClass != null) {
      return listSerializer(getSerializerClass).map(v -> DjangoModels.classType(v.typeV2()));
    }
    return DjangoQuerySets.classAttribute(view, "serializer_class").map(v -> DjangoModels.classType(v.typeV2()));
  }

  private static Optional<Expression> listSerializer(FunctionDef getSerializerClass) {
    for (IfStatement ifStatement : Trees.descendantsInSameScope(getSerializerClass.body(), Tree.Kind.IF_STMT, IfStatement.class)) {
      if (isListActionTest(ifStatement.condition()) && ifStatement.body().statements().size() == 1
        && ifStatement.body().statements().get(0) instanceof ReturnStatement returned && returned.expressions().size() == 1) {
        return Optional.of(returned.expressions().get(0));
      }
    }
    return Optional.empty();
  }

  /** {@code self.action == "list"}. */
  private static boolean isListActionTest(Expression condition) {
    Expression expr = Trees.skipParentheses(condition);
    return expr instanceof BinaryExpression comparison && expr.is(Tree.Kind.COMPARISON) && "==".equals(comparison.operator().value())
      && ModuleSummary.dottedText(comparison.leftOperand()).filter("self.action"::equals).isPresent()
      && Literals.stringValue(comparison.rightOperand()).filter("list"::equals).isPresent();
  }

  /**
   * Whether the view sets {@code pagination_class} (to anything, {@code None} included) in its body or in a project base
   * class; {@code UNKNOWN} when a base class outside DRF cannot be read.
   */
  public static TriBool setsPagination(ClassDef view, SubscriptionContext ctx) {
    return setsAttribute(view, PAGINATION, ctx);
  }

  /**
   * Whether the view sets the class attribute (to anything) in its body or in a project base class; {@code UNKNOWN}
   * when a base class outside DRF, Django and the authentication libraries that never set it cannot be read.
   */
  public static TriBool setsAttribute(ClassDef view, String attribute, SubscriptionContext ctx) {
    if (DjangoQuerySets.classAttribute(view, attribute).isPresent()) {
      return TriBool.TRUE;
    }
    if (view.args() == null) {
      return TriBool.FALSE;
    }
    TriBool result = TriBool.FALSE;
    for (Argument argument : view.args().arguments()) {
      if (argument instanceof RegularArgument regular && regular.keywordArgument() == null) {
        TriBool base = baseSets(attribute, regular.expression().typeV2(), regular.expression(), ctx, 0);
        if (base == TriBool.TRUE) {
          return TriBool.TRUE;
        }
        if (base == TriBool.UNKNOWN) {
          result = TriBool.UNKNOWN;
        }
      }
    }
    return result;
  }

  private static boolean isLibraryBase(String fqn) {
    return fqn.equals("object") || LIBRARY_BASES.stream().anyMatch(fqn::startsWith);
  }

  private static TriBool baseSets(String attribute, PythonType type, Expression expression, SubscriptionContext ctx, int depth) {
    Optional<String> fqn = expression == null ? Optional.empty() : org.backendreview.tree.Fqns.of(expression);
    if (fqn.isPresent() && isLibraryBase(fqn.get())
      || type instanceof UnknownType.UnresolvedImportType unresolved && isLibraryBase(unresolved.importPath())) {
      return TriBool.FALSE;
    }
    if (!(type instanceof ClassType classType) || depth > 10) {
      return TriBool.UNKNOWN;
    }
    String classFqn = classType.fullyQualifiedName();
    if (classFqn != null && isLibraryBase(classFqn) || "object".equals(classType.name())) {
      return TriBool.FALSE;
    }
    Optional<ClassSummary> summary = classType.definitionLocation()
      .flatMap(l -> ModuleSources.summaryAt(l, ctx).flatMap(m -> m.classAt(classType.name(), l.startLine())));
    if (summary.isEmpty()) {
      return TriBool.UNKNOWN;
    }
    if (summary.get().attributes().containsKey(attribute)) {
      return TriBool.TRUE;
    }
    TriBool result = TriBool.FALSE;
    for (TypeWrapper base : classType.superClasses()) {
      TriBool inherited = baseSets(attribute, base.type(), null, ctx, depth + 1);
      if (inherited == TriBool.TRUE) {
        return TriBool.TRUE;
      }
      if (inherited == TriBool.UNKNOWN) {
        result = TriBool.UNKNOWN;
      }
    }
    return result;
  }
}
