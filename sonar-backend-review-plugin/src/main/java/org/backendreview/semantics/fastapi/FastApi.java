/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.semantics.http.HttpLibraries;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * FastAPI applications, routers and path operations: decorators on {@code FastAPI}/{@code APIRouter} objects
 * ({@code @app.get}, {@code @router.post}, {@code @app.api_route}, {@code @app.websocket}), the decorator's
 * {@code response_model}/{@code status_code}, and the parameters of a path operation by kind (path, query, body,
 * header, cookie, form, file, dependency, request objects), following FastAPI's own rules: explicit markers
 * ({@code Query()}, {@code Body()}, {@code Depends()}, also inside {@code Annotated[...]}) first, then path template
 * names, then the annotation (Pydantic models and dicts are bodies, scalars are query parameters).
 */
public final class FastApi {

  public enum ParamKind {
    PATH, QUERY, BODY, HEADER, COOKIE, FORM, FILE, DEPENDENCY, FRAMEWORK, UNKNOWN
  }

  /**
   * A path operation.
   *
   * @param function the handler
   * @param decorator the route decorator call
   * @param methods upper-case HTTP methods; empty for websockets
   * @param websocket true for {@code @app.websocket}
   * @param path the path template, or empty when not a literal
   */
  public record Route(FunctionDef function, CallExpression decorator, Set<String> methods, boolean websocket, String path) {
    public Optional<Expression> decoratorKeyword(String keyword) {
      return Arguments.keyword(decorator, keyword).map(RegularArgument::expression);
    }

    public boolean isOnly(String method) {
      return methods.size() == 1 && methods.contains(method);
    }
  }

  /**
   * A parameter of a path operation.
   *
   * @param parameter the parameter
   * @param kind its kind
   * @param type the declared type with {@code Annotated[...]} removed, or null
   * @param marker the {@code Query()}/{@code Body()}/{@code Depends()}... call, from the default or the annotation, or null
   */
  public record Param(Parameter parameter, ParamKind kind, Expression type, CallExpression marker) {
  }

  private static final Set<String> OWNERS = Set.of("fastapi.applications.FastAPI", "fastapi.FastAPI", "fastapi.routing.APIRouter",
    "fastapi.APIRouter");
  private static final Set<String> STARLETTE_OWNERS = Set.of("starlette.applications.Starlette", "starlette.routing.Router");
  private static final Set<String> VERBS = HttpLibraries.ROUTE_VERBS;
  private static final String PARAM_FUNCTIONS = "fastapi.param_functions.";
  private static final Set<String> FRAMEWORK_TYPES = Set.of("starlette.requests.Request", "fastapi.Request", "fastapi.requests.Request",
    "starlette.websockets.WebSocket", "fastapi.WebSocket", "fastapi.websockets.WebSocket", "starlette.responses.Response",
    "fastapi.Response", "fastapi.responses.Response", "starlette.background.BackgroundTasks", "fastapi.BackgroundTasks",
    "fastapi.background.BackgroundTasks", "fastapi.security.SecurityScopes", "starlette.requests.HTTPConnection");
  private static final Set<String> SCALARS = Set.of("int", "float", "str", "bool", "bytes", "decimal.Decimal", "uuid.UUID",
    "datetime.date", "datetime.datetime", "datetime.time", "datetime.timedelta");
  private static final Pattern AUTHENTICATION_WORD = Pattern.compile(
    "(?:^|[_/.-])(?:tokens?|access_token|refresh|login|log_in|signin|sign_in|sessions?|auth|oauth2?|otp|jwt)(?:$|[_/.-])");
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::[a-z]+)?}");

  private FastApi() {
  }

  /** The path operation this function is, if it is decorated as one. */
  public static Optional<Route> route(FunctionDef function) {
    for (Decorator decorator : function.decorators()) {
      if (decorator.expression() instanceof CallExpression call) {
        Optional<String> method = routeMethod(call);
        if (method.isPresent()) {
          String name = method.get();
          String path = Arguments.value(call, 0, "path").flatMap(Literals::stringValue).orElse("");
          if ("websocket".equals(name)) {
            return Optional.of(new Route(function, call, Set.of(), true, path));
          }
          Set<String> methods = VERBS.contains(name) ? Set.of(name.toUpperCase(Locale.ROOT)) : methodsOf(call);
          return Optional.of(new Route(function, call, methods, false, path));
        }
      }
    }
    return Optional.empty();
  }

  /** For {@code app.get(...)}-like calls on a FastAPI app or router: the method name ({@code get}, {@code api_route}, {@code websocket}). */
  public static Optional<String> routeMethod(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    Optional<String> name = Fqns.calleeName(call);
    if (fqn.isEmpty() || name.isEmpty()) {
      return Optional.empty();
    }
    String method = name.get();
    if (!(VERBS.contains(method) || "api_route".equals(method) || "websocket".equals(method))) {
      return Optional.empty();
    }
    String owner = fqn.get().endsWith("." + method) ? fqn.get().substring(0, fqn.get().length() - method.length() - 1) : "";
    return OWNERS.contains(owner) ? Optional.of(method) : Optional.empty();
  }

  /** True when the call is {@code <FastAPI, APIRouter or their Starlette bases>.<method>(...)}. */
  public static boolean isAppMethod(CallExpression call, String method) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isEmpty() || !fqn.get().endsWith("." + method)) {
      return false;
    }
    String owner = fqn.get().substring(0, fqn.get().length() - method.length() - 1);
    return OWNERS.contains(owner) || STARLETTE_OWNERS.contains(owner);
  }

  private static Set<String> methodsOf(CallExpression call) {
    Set<String> result = new LinkedHashSet<>();
    Arguments.keyword(call, "methods").flatMap(a -> Literals.collectionElements(a.expression()))
      .ifPresent(elements -> elements.forEach(e -> Literals.stringValue(e).ifPresent(v -> result.add(v.toUpperCase(Locale.ROOT)))));
    return result.isEmpty() ? Set.of("GET") : Set.copyOf(result);
  }

  /** The parameters of the path operation by kind. */
  public static List<Param> params(Route route) {
    Set<String> pathNames = new LinkedHashSet<>();
    Matcher matcher = PATH_PARAM.matcher(route.path());
    while (matcher.find()) {
      pathNames.add(matcher.group(1));
    }
    List<Param> result = new ArrayList<>();
    for (Parameter parameter : RequestHandlers.namedParameters(route.function())) {
      result.add(param(parameter, pathNames));
    }
    return result;
  }

  private static Param param(Parameter parameter, Set<String> pathNames) {
    Expression type = null;
    CallExpression marker = null;
    if (parameter.typeAnnotation() != null) {
      List<Expression> parts = Pydantic.unwrapAnnotated(parameter.typeAnnotation().expression());
      type = parts.get(0);
      for (Expression metadata : parts.subList(1, parts.size())) {
        if (metadata instanceof CallExpression call && paramFunction(call).isPresent()) {
          marker = call;
        }
      }
    }
    if (marker == null && parameter.defaultValue() instanceof CallExpression call && paramFunction(call).isPresent()) {
      marker = call;
    }
    ParamKind kind;
    if (marker != null) {
      kind = switch (paramFunction(marker).get()) {
        case "Path" -> ParamKind.PATH;
        case "Query" -> ParamKind.QUERY;
        case "Body" -> ParamKind.BODY;
        case "Header" -> ParamKind.HEADER;
        case "Cookie" -> ParamKind.COOKIE;
        case "Form" -> ParamKind.FORM;
        case "File" -> ParamKind.FILE;
        default -> ParamKind.DEPENDENCY;
      };
    } else if (pathNames.contains(parameter.name().name())) {
      kind = ParamKind.PATH;
    } else {
      kind = kindOfType(type);
    }
    return new Param(parameter, kind, type, marker);
  }

  /** {@code Query}, {@code Body}, {@code Depends}, ... for FastAPI's parameter functions. */
  public static Optional<String> paramFunction(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isEmpty()) {
      return Optional.empty();
    }
    String name = fqn.get();
    if (name.startsWith(PARAM_FUNCTIONS)) {
      return Optional.of(name.substring(PARAM_FUNCTIONS.length()));
    }
    if (name.startsWith("fastapi.") && name.indexOf('.', "fastapi.".length()) < 0) {
      String simple = name.substring("fastapi.".length());
      if (Set.of("Path", "Query", "Body", "Header", "Cookie", "Form", "File", "Depends", "Security").contains(simple)) {
        return Optional.of(simple);
      }
    }
    return Optional.empty();
  }

  private static ParamKind kindOfType(Expression type) {
    if (type == null) {
      return ParamKind.QUERY;
    }
    Expression expr = Trees.skipParentheses(type);
    if (expr instanceof org.sonar.plugins.python.api.tree.BinaryExpression union && expr.is(Tree.Kind.BITWISE_OR)) {
      // X | None
      Expression left = Trees.skipParentheses(union.leftOperand());
      return kindOfType(left.is(Tree.Kind.NONE) ? union.rightOperand() : left);
    }
    if (expr instanceof SubscriptionExpression optional && Fqns.of(optional.object()).filter("typing.Optional"::equals).isPresent()
      && optional.subscripts().expressions().size() == 1) {
      return kindOfType(optional.subscripts().expressions().get(0));
    }
    Optional<String> fqn = Fqns.of(expr instanceof SubscriptionExpression s ? s.object() : expr);
    if (fqn.isPresent() && FRAMEWORK_TYPES.contains(fqn.get())) {
      return ParamKind.FRAMEWORK;
    }
    if (fqn.isPresent() && (fqn.get().equals("fastapi.UploadFile") || fqn.get().equals("fastapi.datastructures.UploadFile")
      || fqn.get().equals("starlette.datastructures.UploadFile"))) {
      return ParamKind.FILE;
    }
    if (Pydantic.isModelClass(expr) || fqn.filter(f -> Set.of("dict", "typing.Dict", "typing.Mapping", "collections.abc.Mapping").contains(f)).isPresent()) {
      return ParamKind.BODY;
    }
    if (expr instanceof SubscriptionExpression subscription && isSequenceOfModels(subscription)) {
      return ParamKind.BODY;
    }
    if (fqn.isPresent() && (SCALARS.contains(fqn.get()) || fqn.get().startsWith("typing."))) {
      return ParamKind.QUERY;
    }
    return ParamKind.UNKNOWN;
  }

  private static boolean isSequenceOfModels(SubscriptionExpression subscription) {
    Optional<String> container = Fqns.of(subscription.object());
    if (container.isEmpty() || !Set.of("list", "typing.List", "set", "typing.Set", "typing.Sequence").contains(container.get())) {
      return false;
    }
    return subscription.subscripts().expressions().stream().anyMatch(e -> Pydantic.isModelClass(e)
      || Fqns.of(e instanceof SubscriptionExpression s ? s.object() : e).filter(f -> f.equals("dict") || f.equals("typing.Dict")).isPresent());
  }

  /**
   * True when the handler sets its status itself: {@code response.status_code = ...} (or {@code .status = ...}) in its
   * body, not counting nested functions.
   */
  public static boolean assignsStatusCode(FunctionDef function) {
    for (org.sonar.plugins.python.api.tree.AssignmentStatement assignment
      : Trees.descendantsInSameScope(function.body(), Tree.Kind.ASSIGNMENT_STMT, org.sonar.plugins.python.api.tree.AssignmentStatement.class)) {
      for (org.sonar.plugins.python.api.tree.ExpressionList targets : assignment.lhsExpressions()) {
        for (Expression target : targets.expressions()) {
          if (target instanceof org.sonar.plugins.python.api.tree.QualifiedExpression qualified
            && ("status_code".equals(qualified.name().name()) || "status".equals(qualified.name().name()))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * True for an authentication endpoint (login, token minting or refresh, sessions, OAuth, OTP): its path or handler
   * name has such a word ({@code /auth/token}, {@code refresh_access_token}, {@code create_session}); these endpoints
   * hand out credentials by design.
   */
  public static boolean isAuthenticationEndpoint(Route route) {
    return AUTHENTICATION_WORD.matcher(route.function().name().name().toLowerCase(Locale.ROOT)).find()
      || AUTHENTICATION_WORD.matcher(route.path().toLowerCase(Locale.ROOT)).find();
  }

  /** True when the tree is inside the body of a path operation. */
  public static Optional<Route> enclosingRoute(Tree tree) {
    FunctionDef function = Trees.enclosingFunction(tree);
    return function == null ? Optional.empty() : route(function);
  }
}
