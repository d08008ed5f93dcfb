/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.django.DjangoModelClasses;
import org.backendreview.semantics.django.DjangoQuerySets;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.semantics.sqlalchemy.SqlAlchemy;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.semantics.web.RequestHandlers.Framework;
import org.backendreview.semantics.web.RequestHandlers.Handler;
import org.backendreview.tree.Api;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.AssertStatement;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.ConditionalExpression;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.NumericLiteral;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.WhileStatement;

/**
 * Object-level access control of request handlers, as the IDOR rule sees it (SEC-24):
 * <ul>
 *   <li>whether a handler is proven to require an authenticated user, and only that (a login, a model-level permission,
 *   DRF {@code IsAuthenticated}, a FastAPI current-user dependency, Flask-Login's {@code login_required}); staff-only
 *   and custom access decorators, mixins and permission classes are not "only a login" (they may check the object);</li>
 *   <li>which values of the handler come from the request path or query: URL keyword arguments, FastAPI path and query
 *   parameters, {@code self.kwargs[...]}, {@code request.GET[...]} (whatever their type: an integer id is the point);</li>
 *   <li>which calls load one object by such a value: {@code get_object_or_404(M, pk=...)}, {@code M.objects.get(...)},
 *   {@code M.objects.filter(...).first()}, SQLAlchemy {@code session.get(M, id)}, {@code session.query(M).filter(...)},
 *   {@code select(M).where(M.id == id)}, Flask-SQLAlchemy {@code M.query.get_or_404(id)};</li>
 *   <li>whether such a lookup is scoped by the current user, owner or tenant, and whether the handler checks access
 *   itself (a permission call, a 403, a condition on the user or the object's owner).</li>
 * </ul>
 */
public final class ObjectAccess {

  /**
   * A proven authentication of a handler.
   *
   * @param location the decorator, mixin, permission list or dependency that requires it
   * @param userNames names that hold the current user in the handler ({@code current_user}), besides {@code request.user}
   */
  public record Authentication(Tree location, Set<String> userNames) {
  }

  /** A value of the handler that comes from the request path or query string. */
  public record RequestId(Tree location, String description) {
  }

  /**
   * A call that loads one object (or writes one row) by a request value.
   *
   * @param call the reported call (the outermost call of the lookup chain)
   * @param model the model's name as written
   * @param id the request value
   */
  public record Lookup(CallExpression call, String model, RequestId id) {
  }

  private static final Api LOGIN_ONLY_DECORATORS = Api.of("django.contrib.auth.decorators.login_required",
    "django.contrib.auth.decorators.permission_required", "flask_login.login_required", "flask_login.utils.login_required");
  private static final Api LOGIN_ONLY_MIXINS = Api.of("django.contrib.auth.mixins.LoginRequiredMixin",
    "django.contrib.auth.mixins.PermissionRequiredMixin");
  private static final Api GET_OBJECT_OR_404 = Api.of("django.shortcuts.get_object_or_404", "rest_framework.generics.get_object_or_404",
    "django.shortcuts.aget_object_or_404");
  private static final Api DRF_PERMISSION_CLASSES = Api.of("rest_framework.decorators.permission_classes");
  /** DRF permission classes that only require a login, or a model-level permission (never an object-level one). */
  private static final Api DRF_LOGIN_ONLY = Api.of("rest_framework.permissions.IsAuthenticated",
    "rest_framework.permissions.IsAuthenticatedOrReadOnly", "rest_framework.permissions.DjangoModelPermissions");
  /** Words of decorators, dependencies and permissions that restrict to some users: they may check the object too. */
  private static final Set<String> RESTRICTING_WORDS = Set.of("staff", "superuser", "admin", "owner", "owners", "perm", "perms",
    "permission", "permissions", "member", "members", "moderator", "role", "roles", "access", "authorize", "authorized",
    "authorise", "team", "group", "groups", "can", "scope", "scopes", "object", "obj", "privilege", "privileges");
  /** Word stems of the same ({@code ownership_required}, {@code admin_only}, {@code moderator}). */
  private static final List<String> RESTRICTING_STEMS = List.of("staff", "superuser", "admin", "owner", "perm", "member", "moderat",
    "role", "access", "authoriz", "authoris", "privileg");
  /** Words of FastAPI dependencies that give the authenticated user or token. */
  private static final Set<String> CURRENT_USER_WORDS = Set.of("user", "current", "auth", "authenticated", "authenticate", "login",
    "principal", "account", "me", "token", "jwt", "bearer", "oauth2", "identity");
  /** Words of names that scope a lookup to the user, its owner or its tenant. */
  private static final Set<String> OWNER_WORDS = Set.of("user", "users", "owner", "owners", "owned", "author", "creator",
    "created", "tenant", "organization", "organisation", "organizations", "org", "account", "team", "member", "members",
    "company", "customer", "workspace", "uploader", "submitter", "requester", "me", "mine", "my", "actor", "principal");
  /** Words of calls that check the user's access to something. */
  private static final Set<String> ACCESS_CALL_WORDS = Set.of("perm", "perms", "permission", "permissions", "authorize",
    "authorized", "authorise", "access", "accessible", "allowed", "allow", "allows", "can", "owner", "owns", "owned", "ensure",
    "check", "forbid", "forbidden", "deny", "denied", "guard", "policy", "visible", "viewable", "editable", "may");
  private static final Set<String> ID_CONVERSIONS = Set.of("int", "str", "uuid.UUID", "UUID", "bson.ObjectId", "ObjectId", "bson.objectid.ObjectId");
  private static final Set<String> REQUEST_COLLECTIONS = Set.of("GET", "POST", "data", "query_params", "args", "form", "values", "json",
    "path_params", "match_info", "view_args");
  private static final Set<String> KWARGS = Set.of("kwargs");
  /** Queryset evaluations that load one object, or write the rows the filter selects. */
  private static final Set<String> DJANGO_SINGLE = Set.of("get", "aget", "first", "afirst", "last", "alast", "update", "aupdate",
    "delete", "adelete", "get_or_404", "first_or_404");
  /** SQLAlchemy query evaluations that load one object or write the selected rows. */
  private static final Set<String> SQLALCHEMY_SINGLE = Set.of("get", "first", "one", "one_or_none", "scalar", "scalar_one",
    "scalar_one_or_none", "delete", "update", "get_or_404", "first_or_404", "one_or_404");
  private static final Set<String> SQLALCHEMY_CHAIN = Set.of("filter", "filter_by", "where", "options", "join", "outerjoin",
    "order_by", "limit", "with_for_update", "execution_options", "select_from");
  private static final String FORBIDDEN = "403";

  private ObjectAccess() {
  }

  // ------------------------------------------------------------------ authentication

  /**
   * The proof that the handler requires an authenticated user and nothing that may check the object; empty when the
   * handler is not proven authenticated, or restricted to staff, or restricted by a check the rule cannot read.
   */
  public static Optional<Authentication> loginOnly(Handler handler, SubscriptionContext ctx) {
    FunctionDef function = handler.function();
    return switch (handler.framework()) {
      case FASTAPI -> fastApiAuthentication(function);
      case FLASK, DJANGO, DRF -> decoratedAuthentication(handler, ctx);
    };
  }

  private static Optional<Authentication> decoratedAuthentication(Handler handler, SubscriptionContext ctx) {
    FunctionDef function = handler.function();
    Tree found = null;
    for (Decorator decorator : function.decorators()) {
      if (decorator.expression() instanceof CallExpression call && DRF_PERMISSION_CLASSES.isCalledBy(call)) {
        Optional<Boolean> drf = Arguments.value(call, 0, "permission_classes").map(ObjectAccess::drfLoginOnly);
        if (drf.isEmpty() || !drf.get()) {
          return Optional.empty();
        }
        found = decorator;
        continue;
      }
      Optional<Boolean> login = loginOnlyDecorator(decorator);
      if (login.isPresent() && !login.get()) {
        return Optional.empty();
      }
      if (login.isPresent()) {
        found = decorator;
      }
    }
    ClassDef owner = Trees.methodOwner(function);
    if (owner != null) {
      Optional<Tree> classProof = classAuthentication(owner, handler.framework());
      if (classProof == null) {
        return Optional.empty();
      }
      if (found == null && classProof.isPresent()) {
        found = classProof.get();
      }
    }
    Set<String> users = handler.framework() == Framework.FLASK ? Set.of("current_user") : Set.of();
    return found == null ? Optional.empty() : Optional.of(new Authentication(found, users));
  }

  /**
   * For a decorator: true when it requires only a login (or a model-level permission), false when it restricts access
   * in a way that may check the object (staff only, a test function, a project decorator named for access), empty for
   * other decorators.
   */
  private static Optional<Boolean> loginOnlyDecorator(Decorator decorator) {
    Expression expression = decorator.expression();
    Optional<String> fqn = DjangoSessionAuth.decoratorFqn(decorator);
    if (fqn.isPresent() && LOGIN_ONLY_DECORATORS.contains(fqn.get())) {
      return Optional.of(true);
    }
    if (expression instanceof CallExpression call && DjangoSessionAuth.METHOD_DECORATOR.isCalledBy(call) && !call.arguments().isEmpty()
      && call.arguments().get(0) instanceof RegularArgument first) {
      Expression decorated = first.expression();
      Expression callee = decorated instanceof CallExpression inner ? inner.callee() : decorated;
      if (LOGIN_ONLY_DECORATORS.matches(callee)) {
        return Optional.of(true);
      }
      return restricting(callee) ? Optional.of(false) : Optional.empty();
    }
    if (fqn.isPresent() && (DjangoSessionAuth.LOGIN_DECORATORS.contains(fqn.get()))) {
      // staff_member_required, user_passes_test
      return Optional.of(false);
    }
    Expression callee = expression instanceof CallExpression call ? call.callee() : expression;
    Optional<String> name = simpleName(callee);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    List<String> words = Secrets.words(name.get());
    if (isRestricting(words)) {
      return Optional.of(false);
    }
    return words.contains("login") && words.contains("required") ? Optional.of(true) : Optional.empty();
  }

  private static boolean restricting(Expression callee) {
    return simpleName(callee).map(n -> isRestricting(Secrets.words(n)) || Secrets.words(n).contains("test")).orElse(false)
      || DjangoSessionAuth.LOGIN_DECORATORS.matches(callee);
  }

  private static boolean isRestricting(List<String> words) {
    return words.stream().anyMatch(w -> RESTRICTING_WORDS.contains(w) || RESTRICTING_STEMS.stream().anyMatch(w::startsWith));
  }

  /**
   * The class-level proof: a login mixin, {@code @method_decorator(login_required, name="dispatch")}, or DRF
   * {@code permission_classes} that only require a login. Empty when the class declares nothing; null when the class
   * restricts access in a way that may check the object.
   */
  private static Optional<Tree> classAuthentication(ClassDef owner, Framework framework) {
    Tree found = null;
    for (Decorator decorator : owner.decorators()) {
      Optional<Boolean> login = loginOnlyDecorator(decorator);
      if (login.isPresent() && !login.get()) {
        return null;
      }
      if (login.isPresent()) {
        found = decorator;
      }
    }
    if (ClassHierarchy.extendsAny(owner, DjangoSessionAuth.LOGIN_MIXINS) && !ClassHierarchy.extendsAny(owner, LOGIN_ONLY_MIXINS)) {
      // UserPassesTestMixin: its test_func may check the object
      return null;
    }
    if (ClassHierarchy.extendsAny(owner, LOGIN_ONLY_MIXINS)) {
      found = owner.name();
      if (owner.args() != null) {
        for (Argument argument : owner.args().arguments()) {
          if (argument instanceof RegularArgument regular && LOGIN_ONLY_MIXINS.matches(regular.expression())) {
            found = regular;
          }
        }
      }
    }
    if (DjangoQuerySets.method(owner, "test_func") != null || DjangoQuerySets.method(owner, "has_permission") != null) {
      return null;
    }
    Optional<Expression> permissions = DjangoQuerySets.classAttribute(owner, "permission_classes");
    if (permissions.isPresent()) {
      if (!drfLoginOnly(permissions.get())) {
        return null;
      }
      found = permissions.get();
    }
    return Optional.ofNullable(found);
  }

  /** {@code [IsAuthenticated]}, {@code (IsAuthenticated,)}: every class only requires a login (or a model permission). */
  private static boolean drfLoginOnly(Expression permissions) {
    Optional<List<Expression>> elements = Literals.collectionElements(permissions);
    return elements.isPresent() && !elements.get().isEmpty() && elements.get().stream().allMatch(DRF_LOGIN_ONLY::matches);
  }

  private static Optional<Authentication> fastApiAuthentication(FunctionDef function) {
    Optional<FastApi.Route> route = FastApi.route(function);
    if (route.isEmpty()) {
      return Optional.empty();
    }
    Tree found = null;
    Set<String> users = new java.util.HashSet<>();
    for (FastApi.Param param : FastApi.params(route.get())) {
      if (param.kind() != FastApi.ParamKind.DEPENDENCY || param.marker() == null) {
        continue;
      }
      Optional<Boolean> user = currentUserDependency(param.marker());
      if (user.isPresent() && !user.get()) {
        return Optional.empty();
      }
      if (user.isPresent()) {
        found = param.parameter();
        users.add(param.parameter().name().name());
      }
    }
    Optional<Expression> dependencies = route.get().decoratorKeyword("dependencies");
    if (dependencies.isPresent()) {
      for (Expression element : Literals.collectionElements(dependencies.get()).orElse(List.of())) {
        if (element instanceof CallExpression marker) {
          Optional<Boolean> user = currentUserDependency(marker);
          if (user.isPresent() && !user.get()) {
            return Optional.empty();
          }
          if (user.isPresent() && found == null) {
            found = marker;
          }
        }
      }
    }
    return found == null ? Optional.empty() : Optional.of(new Authentication(found, Set.copyOf(users)));
  }

  /**
   * {@code Depends(get_current_user)}, {@code Security(get_current_user, scopes=[...])}: true for a current-user
   * dependency, false for an admin/staff or scoped one, empty for other dependencies.
   */
  private static Optional<Boolean> currentUserDependency(CallExpression marker) {
    if (Arguments.keyword(marker, "scopes").isPresent()) {
      return Optional.of(false);
    }
    Optional<Expression> dependency = Arguments.value(marker, 0, "dependency");
    if (dependency.isEmpty()) {
      return Optional.empty();
    }
    Expression callee = dependency.get() instanceof CallExpression call ? call.callee() : dependency.get();
    Optional<String> name = simpleName(callee);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    List<String> words = Secrets.words(name.get());
    if (isRestricting(words)) {
      return Optional.of(false);
    }
    return words.stream().anyMatch(CURRENT_USER_WORDS::contains) ? Optional.of(true) : Optional.empty();
  }

  private static Optional<String> simpleName(Expression expression) {
    Expression e = Trees.skipParentheses(expression);
    if (e instanceof Name name) {
      return Optional.of(name.name());
    }
    return e instanceof QualifiedExpression qualified ? Optional.of(qualified.name().name()) : Optional.empty();
  }

  // ------------------------------------------------------------------ request ids

  /** The parameters of the handler that carry path or query values, by symbol. */
  public static Map<SymbolV2, RequestId> requestIds(Handler handler) {
    Map<SymbolV2, RequestId> result = new LinkedHashMap<>();
    FunctionDef function = handler.function();
    if (handler.framework() == Framework.FASTAPI) {
      FastApi.route(function).ifPresent(route -> {
        for (FastApi.Param param : FastApi.params(route)) {
          String kind = param.kind() == FastApi.ParamKind.PATH ? "the URL parameter" : param.kind() == FastApi.ParamKind.QUERY ? "the query parameter" : null;
          if (kind != null) {
            put(result, param.parameter(), kind);
          }
        }
      });
      return result;
    }
    List<Parameter> parameters = RequestHandlers.namedParameters(function);
    int first = Trees.methodOwner(function) != null ? 2 : handler.framework() == Framework.FLASK ? 0 : 1;
    for (int i = first; i < parameters.size(); i++) {
      Parameter parameter = parameters.get(i);
      if (parameter.starToken() == null) {
        put(result, parameter, "the URL parameter");
      }
    }
    return result;
  }

  private static void put(Map<SymbolV2, RequestId> result, Parameter parameter, String kind) {
    SymbolV2 symbol = parameter.name().symbolV2();
    if (symbol != null) {
      result.put(symbol, new RequestId(parameter.name(), kind + " \"" + parameter.name().name() + "\""));
    }
  }

  /** The request value this expression holds, if it holds one. */
  public static Optional<RequestId> requestId(Expression expression, Map<SymbolV2, RequestId> ids, ValueResolver values, SubscriptionContext ctx) {
    return requestId(expression, ids, values, ctx, 0);
  }

  private static Optional<RequestId> requestId(Expression expression, Map<SymbolV2, RequestId> ids, ValueResolver values,
    SubscriptionContext ctx, int depth) {
    Expression e = Trees.skipParentheses(expression);
    if (depth > 3) {
      return Optional.empty();
    }
    if (e instanceof CallExpression call && call.arguments().size() == 1 && call.arguments().get(0) instanceof RegularArgument only
      && only.keywordArgument() == null && (Fqns.ofCallee(call).filter(ID_CONVERSIONS::contains).isPresent()
        || call.callee() instanceof Name n && ID_CONVERSIONS.contains(n.name()))) {
      return requestId(only.expression(), ids, values, ctx, depth + 1);
    }
    if (e instanceof Name name) {
      List<Expression> origins = values.origins(name, ctx);
      for (Expression origin : origins) {
        if (origin != name) {
          Optional<RequestId> id = requestId(origin, ids, values, ctx, depth + 1);
          if (id.isPresent()) {
            return id;
          }
        }
      }
      SymbolV2 symbol = name.symbolV2();
      return origins.isEmpty() && symbol != null ? Optional.ofNullable(ids.get(symbol)) : Optional.empty();
    }
    return keyedRead(e);
  }

  /** {@code request.GET["id"]}, {@code request.query_params.get("id")}, {@code self.kwargs["pk"]}, {@code kwargs.get("pk")}. */
  private static Optional<RequestId> keyedRead(Expression expression) {
    Expression collection;
    Expression key;
    if (expression instanceof SubscriptionExpression subscription && subscription.subscripts().expressions().size() == 1) {
      collection = Trees.skipParentheses(subscription.object());
      key = subscription.subscripts().expressions().get(0);
    } else if (expression instanceof CallExpression call && Fqns.calleeName(call).filter("get"::equals).isPresent()
      && Fqns.receiver(call).isPresent() && !call.arguments().isEmpty() && call.arguments().get(0) instanceof RegularArgument first) {
      collection = Trees.skipParentheses(Fqns.receiver(call).get());
      key = first.expression();
    } else {
      return Optional.empty();
    }
    Optional<String> keyName = Literals.stringValue(key);
    if (keyName.isEmpty()) {
      return Optional.empty();
    }
    if (collection instanceof QualifiedExpression qualified && REQUEST_COLLECTIONS.contains(qualified.name().name())
      && DjangoSessionAuth.isRequest(qualified.qualifier())) {
      String kind = "GET".equals(qualified.name().name()) || "query_params".equals(qualified.name().name()) || "args".equals(qualified.name().name())
        ? "the query parameter" : "the request parameter";
      return Optional.of(new RequestId(expression, kind + " \"" + keyName.get() + "\""));
    }
    boolean kwargs = collection instanceof QualifiedExpression qualified && KWARGS.contains(qualified.name().name())
      && qualified.qualifier() instanceof Name self && "self".equals(self.name())
      || collection instanceof Name name && KWARGS.contains(name.name());
    return kwargs ? Optional.of(new RequestId(expression, "the URL parameter \"" + keyName.get() + "\"")) : Optional.empty();
  }

  // ------------------------------------------------------------------ lookups

  /**
   * The object lookup by a request value this call is (the outermost call of its chain), unless the lookup is scoped by
   * the user, owner or tenant.
   */
  public static Optional<Lookup> unscopedLookup(CallExpression call, Map<SymbolV2, RequestId> ids, ValueResolver values, SubscriptionContext ctx) {
    if (isChainContinued(call)) {
      return Optional.empty();
    }
    if (GET_OBJECT_OR_404.isCalledBy(call)) {
      return getObjectOr404(call, ids, values, ctx);
    }
    Optional<String> method = Fqns.calleeName(call);
    if (method.isEmpty()) {
      return Optional.empty();
    }
    List<CallExpression> chain = chain(call);
    CallExpression start = chain.get(0);
    Optional<Expression> root = Fqns.receiver(start).map(Trees::skipParentheses);
    if (DJANGO_SINGLE.contains(method.get()) && root.orElse(null) instanceof QualifiedExpression manager
      && DjangoModelClasses.isModelClass(manager.qualifier()) && isDjangoChain(chain)) {
      return lookupIn(call, chain, modelName(manager.qualifier()), manager.qualifier(), ids, values, ctx);
    }
    if (SQLALCHEMY_SINGLE.contains(method.get()) || SQLALCHEMY_CHAIN.contains(method.get())) {
      return sqlAlchemyLookup(call, chain, ids, values, ctx);
    }
    return Optional.empty();
  }

  private static Optional<Lookup> getObjectOr404(CallExpression call, Map<SymbolV2, RequestId> ids, ValueResolver values, SubscriptionContext ctx) {
    if (call.arguments().isEmpty() || !(call.arguments().get(0) instanceof RegularArgument first) || first.keywordArgument() != null) {
      return Optional.empty();
    }
    Expression klass = Trees.skipParentheses(first.expression());
    List<CallExpression> chain = new ArrayList<>();
    if (klass instanceof CallExpression queryset) {
      // get_object_or_404(Order.objects.filter(...), pk=pk)
      chain.addAll(chain(queryset));
      Optional<Expression> root = Fqns.receiver(chain.get(0)).map(Trees::skipParentheses);
      if (!(root.orElse(null) instanceof QualifiedExpression manager) || !DjangoModelClasses.isModelClass(manager.qualifier()) || !isDjangoChain(chain)) {
        return Optional.empty();
      }
      klass = manager.qualifier();
    } else if (klass instanceof QualifiedExpression manager && DjangoModelClasses.isModelClass(manager.qualifier())) {
      klass = manager.qualifier();
    } else if (!DjangoModelClasses.isModelClass(klass)) {
      return Optional.empty();
    }
    chain.add(call);
    return lookupIn(call, chain, modelName(klass), klass, ids, values, ctx);
  }

  private static boolean isDjangoChain(List<CallExpression> chain) {
    for (int i = 0; i < chain.size() - 1; i++) {
      if (!Fqns.calleeName(chain.get(i)).filter(DjangoQuerySets.CHAIN_METHODS::contains).isPresent()) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Lookup> sqlAlchemyLookup(CallExpression call, List<CallExpression> chain, Map<SymbolV2, RequestId> ids,
    ValueResolver values, SubscriptionContext ctx) {
    CallExpression start = chain.get(0);
    Optional<String> startMethod = Fqns.calleeName(start);
    Expression model;
    if (startMethod.filter("get"::equals).isPresent() && chain.size() == 1 && start.arguments().size() >= 2
      && SqlAlchemy.sessionMethodReceiver(start, values, ctx).isPresent()) {
      // session.get(Order, order_id)
      model = Arguments.value(start, 0, "entity").orElse(null);
      Optional<Expression> id = Arguments.value(start, 1, "ident");
      if (model == null || id.isEmpty() || !isClass(model)) {
        return Optional.empty();
      }
      return requestId(id.get(), ids, values, ctx).map(r -> new Lookup(call, modelName(model), r));
    }
    if (startMethod.filter("query"::equals).isPresent() && start.arguments().size() == 1
      && SqlAlchemy.sessionMethodReceiver(start, values, ctx).isPresent()) {
      model = Arguments.value(start, 0, "entity").orElse(null);
    } else if (SqlAlchemy.isStatementConstructor(start) && Fqns.calleeName(start).filter("select"::equals).isPresent() && start.arguments().size() == 1) {
      model = Arguments.value(start, 0, "entity").orElse(null);
    } else if (Fqns.receiver(start).map(Trees::skipParentheses).orElse(null) instanceof QualifiedExpression query
      && "query".equals(query.name().name()) && isClass(query.qualifier())) {
      // Flask-SQLAlchemy: Order.query.get_or_404(order_id)
      model = query.qualifier();
    } else {
      return Optional.empty();
    }
    if (model == null || !isClass(model)) {
      return Optional.empty();
    }
    int firstChained = "query".equals(startMethod.orElse("")) || SqlAlchemy.isStatementConstructor(start) ? 1 : 0;
    for (int i = firstChained; i < chain.size(); i++) {
      Optional<String> m = Fqns.calleeName(chain.get(i));
      if (m.isEmpty() || !SQLALCHEMY_CHAIN.contains(m.get()) && !(i == chain.size() - 1 && SQLALCHEMY_SINGLE.contains(m.get()))) {
        return Optional.empty();
      }
    }
    return lookupIn(call, chain, modelName(model), model, ids, values, ctx);
  }

  private static boolean isClass(Expression expression) {
    return Trees.skipParentheses(expression) instanceof Name name && name.symbolV2() != null
      && DjangoModelClasses.classType(name.typeV2()) != null && !name.name().isEmpty() && Character.isUpperCase(name.name().charAt(0));
  }

  /** The lookup when an argument of the chain is a request value, compared or matched to a field, and nothing scopes it. */
  private static Optional<Lookup> lookupIn(CallExpression reported, List<CallExpression> chain, String model, Expression modelExpression,
    Map<SymbolV2, RequestId> ids, ValueResolver values, SubscriptionContext ctx) {
    RequestId found = null;
    List<Tree> idTrees = new ArrayList<>();
    for (CallExpression call : chain) {
      for (Argument argument : call.arguments()) {
        if (!(argument instanceof RegularArgument regular)) {
          return Optional.empty();
        }
        if (regular.expression() == modelExpression) {
          continue;
        }
        Optional<RequestId> id = idOf(regular.expression(), ids, values, ctx, idTrees);
        if (id.isPresent() && found == null) {
          found = id.get();
        }
      }
    }
    if (found == null) {
      return Optional.empty();
    }
    for (CallExpression call : chain) {
      for (Argument argument : call.arguments()) {
        RegularArgument regular = (RegularArgument) argument;
        if (regular.expression() == modelExpression) {
          continue;
        }
        if (regular.keywordArgument() != null && hasOwnerWord(regular.keywordArgument().name())
          || mentionsOwner(regular.expression(), idTrees, model)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(new Lookup(reported, model, found));
  }

  /** The request value of an argument: itself, or one side of {@code M.id == value}. */
  private static Optional<RequestId> idOf(Expression argument, Map<SymbolV2, RequestId> ids, ValueResolver values, SubscriptionContext ctx,
    List<Tree> idTrees) {
    Expression e = Trees.skipParentheses(argument);
    if (e instanceof BinaryExpression binary && binary.is(Tree.Kind.COMPARISON) && "==".equals(binary.operator().value())) {
      Optional<RequestId> right = requestId(binary.rightOperand(), ids, values, ctx);
      if (right.isPresent()) {
        idTrees.add(binary.rightOperand());
        return right;
      }
      Optional<RequestId> left = requestId(binary.leftOperand(), ids, values, ctx);
      left.ifPresent(l -> idTrees.add(binary.leftOperand()));
      return left;
    }
    Optional<RequestId> id = requestId(e, ids, values, ctx);
    id.ifPresent(i -> idTrees.add(e));
    return id;
  }

  /** True when a name in the tree (outside the request values and the model's own name) names the user, an owner or a tenant. */
  private static boolean mentionsOwner(Tree tree, List<Tree> excluded, String model) {
    boolean[] found = {false};
    Trees.walk(tree, t -> !found[0] && !excluded.contains(t), t -> {
      if (t instanceof Name name && !name.name().equals(model) && hasOwnerWord(name.name())
        || DjangoSessionAuth.isSessionIdentityRead(t)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static boolean hasOwnerWord(String identifier) {
    return Secrets.words(identifier).stream().anyMatch(OWNER_WORDS::contains);
  }

  private static String modelName(Expression model) {
    return simpleName(model).orElse("object");
  }

  /** The calls of a method chain, innermost first, ending with the call. */
  private static List<CallExpression> chain(CallExpression call) {
    List<CallExpression> result = new ArrayList<>();
    CallExpression current = call;
    while (true) {
      result.add(0, current);
      if (Fqns.receiver(current).map(Trees::skipParentheses).orElse(null) instanceof CallExpression inner) {
        current = inner;
      } else {
        return result;
      }
    }
  }

  /** True when the call is the receiver of another method call ({@code qs.filter(...)} in {@code qs.filter(...).first()}). */
  private static boolean isChainContinued(CallExpression call) {
    Tree parent = call.parent();
    while (parent != null && parent.is(Tree.Kind.PARENTHESIZED)) {
      parent = parent.parent();
    }
    return parent instanceof QualifiedExpression qualified && qualified.parent() instanceof CallExpression outer && outer.callee() == qualified;
  }

  // ------------------------------------------------------------------ access checks in the handler

  /**
   * True when the handler checks the user's access itself: Django's inline checks ({@code has_perm},
   * {@code PermissionDenied}, {@code HttpResponseForbidden}, {@code is_staff}...), a 403 status, a call named for an
   * access check ({@code check_access(obj, user)}, {@code obj.can_edit(user)}), or a condition on the current user or
   * an owner ({@code if order.owner != request.user}).
   */
  public static boolean checksAccess(FunctionDef function, Authentication authentication) {
    if (DjangoSessionAuth.checksAccessInline(function)) {
      return true;
    }
    boolean[] found = {false};
    Trees.walk(function.body(), t -> !found[0], t -> {
      if (t instanceof CallExpression call && Fqns.calleeName(call).map(n -> Secrets.words(n).stream().anyMatch(ACCESS_CALL_WORDS::contains)).orElse(false)
        || t instanceof NumericLiteral number && FORBIDDEN.equals(number.valueAsString())
        || t instanceof Name name && name.name().contains("403")
        || isCondition(t) && mentionsUser(t, authentication)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static boolean isCondition(Tree tree) {
    Tree parent = tree.parent();
    return parent instanceof IfStatement ifStatement && ifStatement.condition() == tree
      || parent instanceof ConditionalExpression conditional && conditional.condition() == tree
      || parent instanceof WhileStatement loop && loop.condition() == tree
      || parent instanceof AssertStatement assertion && assertion.condition() == tree;
  }

  private static boolean mentionsUser(Tree condition, Authentication authentication) {
    boolean[] found = {false};
    Trees.walk(condition, t -> !found[0], t -> {
      if (DjangoSessionAuth.isSessionIdentityRead(t) || t instanceof Name name && (authentication.userNames().contains(name.name()) || hasOwnerWord(name.name()))) {
        found[0] = true;
      }
    });
    return found[0];
  }
}
