/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.drf;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.semantics.security.DjangoSessionAuth;
import org.backendreview.semantics.security.Secrets;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Who may call a Django REST framework view: its {@code permission_classes} (class attribute, or
 * {@code @permission_classes([...])} on an {@code @api_view} function), read as {@link Access}; whether the view writes
 * (create/update/destroy generics and mixins, {@code ModelViewSet}, write verbs, {@code @action(methods=["post"])}); and
 * whether it is public by design (sign-up, login, token obtain/refresh, password reset, webhooks: by its name or a known
 * base such as {@code ObtainAuthToken} or simplejwt's token views).
 */
public final class DrfPermissions {

  /** How a view's permissions read. */
  public enum Access {
    /** {@code permission_classes = [AllowAny]}, {@code []} or {@code ()}: anyone, stated explicitly. */
    ALLOW_ANY,
    /** A non-empty list with a class other than {@code AllowAny}. */
    RESTRICTED,
    /** No {@code permission_classes} in the view nor in a project base: the project's {@code DEFAULT_PERMISSION_CLASSES} apply. */
    DEFAULT,
    /** Anything else: a computed value, {@code get_permissions()} overridden, a project base class. */
    UNKNOWN
  }

  public static final String ALLOW_ANY = "rest_framework.permissions.AllowAny";
  private static final Predicate<String> DRF_VIEW = fqn -> fqn.startsWith("rest_framework.views.APIView")
    || fqn.startsWith("rest_framework.generics.") || fqn.startsWith("rest_framework.viewsets.");
  private static final Set<String> WRITING_VIEWS = Set.of("rest_framework.generics.CreateAPIView", "rest_framework.generics.ListCreateAPIView",
    "rest_framework.generics.UpdateAPIView", "rest_framework.generics.DestroyAPIView", "rest_framework.generics.RetrieveUpdateAPIView",
    "rest_framework.generics.RetrieveDestroyAPIView", "rest_framework.generics.RetrieveUpdateDestroyAPIView",
    "rest_framework.viewsets.ModelViewSet", "rest_framework.mixins.CreateModelMixin", "rest_framework.mixins.UpdateModelMixin",
    "rest_framework.mixins.DestroyModelMixin");
  private static final Set<String> WRITING_METHODS = Set.of("post", "put", "patch", "delete", "create", "update", "partial_update", "destroy");
  private static final Set<String> WRITE_VERBS = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> PERMISSION_METHODS = Set.of("get_permissions", "has_permission", "check_permissions",
    "has_object_permission", "initial", "dispatch");
  private static final Set<String> CREATE_ONLY_VIEWS = Set.of("rest_framework.generics.CreateAPIView",
    "rest_framework.generics.ListCreateAPIView", "rest_framework.mixins.CreateModelMixin");
  /** Words of a create-only view or its serializer that create accounts: a sign-up. */
  private static final Set<String> ACCOUNT_WORDS = Set.of("user", "users", "account", "accounts", "profile", "member", "customer",
    "registration", "register", "signup");
  private static final Set<String> DRF_INLINE_CHECKS = Set.of("NotAuthenticated", "AuthenticationFailed", "HTTP_401_UNAUTHORIZED",
    "HTTP_403_FORBIDDEN", "IsAuthenticated", "permission_denied");
  private static final String API_VIEW = "rest_framework.decorators.api_view";
  private static final String PERMISSION_CLASSES_DECORATOR = "rest_framework.decorators.permission_classes";
  private static final String ACTION = "rest_framework.decorators.action";

  private DrfPermissions() {
  }

  /** True for a class-based DRF view or viewset. */
  public static boolean isView(ClassDef classDef) {
    return ClassHierarchy.extendsAny(classDef, DRF_VIEW);
  }

  /** True for an {@code @api_view} function. */
  public static boolean isFunctionView(FunctionDef function) {
    return decorator(function, API_VIEW).isPresent();
  }

  /** The {@code permission_classes} value of the view (class attribute or decorator argument), if written. */
  public static Optional<Expression> declaration(Tree view) {
    if (view instanceof ClassDef classDef) {
      return DjangoQuerySets.classAttribute(classDef, "permission_classes");
    }
    return decorator((FunctionDef) view, PERMISSION_CLASSES_DECORATOR).flatMap(call -> Arguments.value(call, 0, "permission_classes"));
  }

  /** How the view's permissions read. */
  public static Access access(ClassDef view) {
    for (Statement statement : view.body().statements()) {
      if (statement instanceof FunctionDef method && PERMISSION_METHODS.contains(method.name().name())) {
        return Access.UNKNOWN;
      }
    }
    Optional<Expression> declared = declaration(view);
    if (declared.isPresent()) {
      return classify(declared.get());
    }
    return onlyDrfBases(view) ? Access.DEFAULT : Access.UNKNOWN;
  }

  /** How an {@code @api_view} function's permissions read. */
  public static Access access(FunctionDef view) {
    return declaration(view).map(DrfPermissions::classify).orElse(Access.DEFAULT);
  }

  private static Access classify(Expression value) {
    Expression expression = Trees.skipParentheses(value);
    if (expression instanceof Name name && !ALLOW_ANY.equals(Fqns.of(name).orElse(""))) {
      Optional<Expression> assigned = ValueResolver.singleAssignedValue(name);
      if (assigned.isEmpty()) {
        return Access.UNKNOWN;
      }
      expression = Trees.skipParentheses(assigned.get());
    }
    Optional<List<Expression>> elements = Literals.collectionElements(expression);
    if (elements.isEmpty() || expression.is(Tree.Kind.DICTIONARY_LITERAL, Tree.Kind.SET_LITERAL)) {
      return Access.UNKNOWN;
    }
    if (elements.get().stream().allMatch(e -> Fqns.of(e).filter(ALLOW_ANY::equals).isPresent())) {
      return Access.ALLOW_ANY;
    }
    return elements.get().stream().anyMatch(e -> e.is(Tree.Kind.UNPACKING_EXPR)) ? Access.UNKNOWN : Access.RESTRICTED;
  }

  private static boolean onlyDrfBases(ClassDef view) {
    if (view.args() == null) {
      return false;
    }
    for (Argument argument : view.args().arguments()) {
      if (!(argument instanceof RegularArgument regular) || regular.keywordArgument() != null
        || Fqns.of(regular.expression()).filter(f -> f.startsWith("rest_framework.")).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the view shows it writes: a writing generic base or mixin (they write by construction), or a write
   * ({@link DjangoSessionAuth#isViewWrite}) in a write method or a writing {@code @action}; empty when it does not.
   */
  public static Optional<Tree> write(ClassDef view, SubscriptionContext ctx) {
    Optional<Tree> generic = writingBase(view);
    if (generic.isPresent()) {
      return generic;
    }
    for (Statement statement : view.body().statements()) {
      if (statement instanceof FunctionDef method && (WRITING_METHODS.contains(method.name().name()) || isWritingAction(method))) {
        Optional<CallExpression> write = firstWrite(method, ctx);
        if (write.isPresent()) {
          return Optional.of(write.get());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Tree> writingBase(ClassDef view) {
    if (view.args() != null) {
      for (Argument argument : view.args().arguments()) {
        if (argument instanceof RegularArgument regular && Fqns.of(regular.expression()).filter(WRITING_VIEWS::contains).isPresent()) {
          return Optional.of(regular);
        }
      }
    }
    return Optional.empty();
  }

  /** The first write in the body of an {@code @api_view([...])} function serving a write method; empty otherwise. */
  public static Optional<CallExpression> write(FunctionDef view, SubscriptionContext ctx) {
    boolean writeMethod = decorator(view, API_VIEW).flatMap(call -> Arguments.value(call, 0, "http_method_names"))
      .flatMap(Literals::collectionElements)
      .map(methods -> methods.stream().anyMatch(m -> Literals.stringValue(m).filter(v -> WRITE_VERBS.contains(v.toUpperCase(Locale.ROOT))).isPresent()))
      .orElse(false);
    return writeMethod ? firstWrite(view, ctx) : Optional.empty();
  }

  private static Optional<CallExpression> firstWrite(FunctionDef function, SubscriptionContext ctx) {
    return Trees.descendantsInSameScope(function.body(), Tree.Kind.CALL_EXPR, CallExpression.class).stream()
      .filter(call -> DjangoSessionAuth.isViewWrite(call, ctx)).findFirst();
  }

  /**
   * An {@code @action(methods=["post"])} that inherits the view's permissions: an action with its own
   * {@code permission_classes=} other than {@code AllowAny} is guarded by them.
   */
  private static boolean isWritingAction(FunctionDef method) {
    Optional<CallExpression> action = decorator(method, ACTION);
    if (action.isEmpty() || Arguments.value(action.get(), -1, "permission_classes").filter(p -> classify(p) != Access.ALLOW_ANY).isPresent()) {
      return false;
    }
    return Arguments.value(action.get(), 0, "methods").flatMap(Literals::collectionElements)
      .map(methods -> methods.stream().anyMatch(m -> Literals.stringValue(m).filter(v -> WRITE_VERBS.contains(v.toUpperCase(Locale.ROOT))).isPresent()))
      .orElse(false);
  }

  /**
   * True for a view that is public by design: named for it (sign-up, login, token, password reset, webhook...), derived
   * from a base that is (DRF's {@code ObtainAuthToken}, simplejwt's token views, a base named for it), or a create-only
   * view of accounts ({@code UserCreateView}, a {@code CreateAPIView} with a {@code UserSerializer}): a sign-up.
   */
  public static boolean isPublicByDesign(ClassDef view) {
    if (DjangoSessionAuth.isPublicByName(view.name().name())) {
      return true;
    }
    if (view.args() != null) {
      for (Argument argument : view.args().arguments()) {
        if (argument instanceof RegularArgument regular) {
          Optional<String> fqn = Fqns.of(regular.expression());
          String text = fqn.orElseGet(() -> regular.expression() instanceof Name n ? n.name() : "");
          if (text.startsWith("rest_framework_simplejwt.views.") || text.startsWith("rest_framework.authtoken.")
            || DjangoSessionAuth.isPublicByName(text.substring(text.lastIndexOf('.') + 1))) {
            return true;
          }
        }
      }
    }
    return isAccountCreation(view);
  }

  private static boolean isAccountCreation(ClassDef view) {
    boolean createOnly = view.args() != null && view.args().arguments().stream().anyMatch(a -> a instanceof RegularArgument r
      && Fqns.of(r.expression()).filter(CREATE_ONLY_VIEWS::contains).isPresent());
    if (!createOnly) {
      boolean postOnly = true;
      boolean post = false;
      for (Statement statement : view.body().statements()) {
        if (statement instanceof FunctionDef method && WRITING_METHODS.contains(method.name().name())) {
          post |= "post".equals(method.name().name()) || "create".equals(method.name().name());
          postOnly &= "post".equals(method.name().name()) || "create".equals(method.name().name());
        }
      }
      createOnly = post && postOnly && writingBase(view).isEmpty();
    }
    if (!createOnly) {
      return false;
    }
    if (names(view.name().name())) {
      return true;
    }
    return DjangoQuerySets.classAttribute(view, "serializer_class").filter(s -> s instanceof Name n && names(n.name())).isPresent();
  }

  private static boolean names(String identifier) {
    return Secrets.words(identifier).stream().anyMatch(ACCOUNT_WORDS::contains);
  }

  /**
   * True when a method of the view checks the user itself ({@code request.user.is_authenticated},
   * {@code PermissionDenied}, an answer 401/403, DRF's {@code NotAuthenticated}).
   */
  public static boolean checksAccessInline(ClassDef view) {
    for (Statement statement : view.body().statements()) {
      if (statement instanceof FunctionDef method && checksAccessInline(method)) {
        return true;
      }
    }
    return false;
  }

  /** The same for a function view. */
  public static boolean checksAccessInline(FunctionDef function) {
    if (DjangoSessionAuth.checksAccessInline(function)) {
      return true;
    }
    boolean[] found = {false};
    Trees.walk(function.body(), t -> !found[0], t -> {
      if (t instanceof Name name && DRF_INLINE_CHECKS.contains(name.name())
        || t instanceof org.sonar.plugins.python.api.tree.NumericLiteral number && ("401".equals(number.valueAsString()) || "403".equals(number.valueAsString()))) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static Optional<CallExpression> decorator(FunctionDef function, String fqn) {
    for (Decorator decorator : function.decorators()) {
      if (decorator.expression() instanceof CallExpression call && Fqns.ofCallee(call).filter(fqn::equals).isPresent()) {
        return Optional.of(call);
      }
    }
    return Optional.empty();
  }
}
