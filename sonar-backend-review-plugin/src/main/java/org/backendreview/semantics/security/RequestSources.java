/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.semantics.fastapi.Pydantic;
import org.backendreview.semantics.flask.FlaskApi;
import org.backendreview.semantics.project.ClassHierarchy;
import org.backendreview.semantics.sqlalchemy.SqlAlchemyApi;
import org.backendreview.semantics.web.RequestHandlers.Framework;
import org.backendreview.semantics.web.RequestHandlers.Handler;
import org.backendreview.semantics.web.RequestHandlers;
import org.backendreview.tree.Api;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.Types;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.symbols.Symbol;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.ImportFrom;
import org.sonar.plugins.python.api.tree.ImportName;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.PythonType;
import org.sonar.plugins.python.api.types.v2.UnionType;

/**
 * Where HTTP request data enters a program (taint sources) in Django, Django REST framework, FastAPI/Starlette and
 * Flask code:
 * <ul>
 *   <li>reads on a request object: Django {@code request.GET/POST/COOKIES/FILES/META/headers/body}, DRF
 *   {@code request.data/query_params}, Starlette {@code request.query_params/path_params/headers/cookies} and
 *   {@code await request.json()/form()/body()}, Flask {@code request.args/form/values/json/cookies/headers/...};</li>
 *   <li>URL parameters: arguments of routed Django function views (by the converters of their URL patterns),
 *   {@code self.kwargs} in class-based views, Flask route variables;</li>
 *   <li>FastAPI path-operation parameters (path, query, header, cookie, body, Pydantic models), except dependencies
 *   ({@code Depends}, {@code Security}), framework objects ({@code Request}, {@code BackgroundTasks}, sessions) and
 *   parameters whose declared type FastAPI validates into a safe value (numbers, booleans, UUIDs, dates, enums,
 *   literals, constrained patterns).</li>
 * </ul>
 * A request object is the request parameter of a handler, a parameter annotated with a request class or named
 * {@code request} in a module that imports a web framework, {@code self.request} there, and Flask's global
 * {@code request}. The request path, user and session are not request data here: they are not attacker-chosen text in
 * the sense of the injection rules.
 */
public final class RequestSources {

  /** A read of request data: where, and how the message names it ({@code the request parameter "order"}). */
  public record Source(Tree location, String description) {
  }

  /** What one function receives from the request. */
  public record FunctionSources(Map<Name, Source> parameterSources, Set<Name> requestObjects, boolean viewClassMethod) {
    static final FunctionSources NONE = new FunctionSources(Map.of(), Set.of(), false);
  }

  private static final Set<String> WEB_MODULES = Set.of("django", "rest_framework", "fastapi", "starlette", "flask", "werkzeug", "ninja");
  private static final Set<String> REQUEST_CLASSES = Set.of("django.http.HttpRequest", "django.http.request.HttpRequest",
    "django.core.handlers.wsgi.WSGIRequest", "django.core.handlers.asgi.ASGIRequest", "rest_framework.request.Request",
    "starlette.requests.Request", "fastapi.Request", "fastapi.requests.Request", "starlette.requests.HTTPConnection",
    "aiohttp.web.Request", "aiohttp.web_request.Request", "aiohttp.web.BaseRequest", "aiohttp.web_request.BaseRequest");
  private static final Set<String> TEXT_FIELDS = Set.of("args", "form", "values", "cookies", "headers");
  private static final Set<String> CSRF_PROTECTED_FIELDS = Set.of("POST", "FILES");

  /** Collections of request data, and how a keyed read from them is named. */
  private static final Map<String, String> KEYED_COLLECTIONS = Map.ofEntries(
    Map.entry("GET", "the request parameter"), Map.entry("POST", "the request parameter"), Map.entry("data", "the request parameter"),
    Map.entry("query_params", "the request parameter"), Map.entry("args", "the request parameter"), Map.entry("form", "the request parameter"),
    Map.entry("values", "the request parameter"), Map.entry("json", "the request parameter"), Map.entry("COOKIES", "the cookie"),
    Map.entry("cookies", "the cookie"), Map.entry("headers", "the request header"), Map.entry("META", "the request header"),
    Map.entry("FILES", "the uploaded file"), Map.entry("files", "the uploaded file"), Map.entry("path_params", "the URL parameter"),
    Map.entry("view_args", "the URL parameter"), Map.entry("match_info", "the URL parameter"), Map.entry("query", "the request parameter"));
  /** Whole-collection or scalar reads, and how they are named. */
  private static final Map<String, String> WHOLE_READS = Map.ofEntries(
    Map.entry("GET", "the query string"), Map.entry("POST", "the form data"), Map.entry("data", "the request data"),
    Map.entry("query_params", "the query string"), Map.entry("args", "the query string"), Map.entry("form", "the form data"),
    Map.entry("values", "the request parameters"), Map.entry("json", "the request body"), Map.entry("COOKIES", "the cookies"),
    Map.entry("cookies", "the cookies"), Map.entry("headers", "the request headers"), Map.entry("META", "the request headers"),
    Map.entry("FILES", "the uploaded files"), Map.entry("files", "the uploaded files"), Map.entry("path_params", "the URL parameters"),
    Map.entry("view_args", "the URL parameters"), Map.entry("body", "the request body"), Map.entry("stream", "the request body"),
    Map.entry("match_info", "the URL parameters"), Map.entry("query", "the query string"), Map.entry("query_string", "the query string"));
  /** Methods of a request object whose result is request data. */
  private static final Map<String, String> READ_METHODS = Map.of(
    "json", "the request body", "form", "the form data", "body", "the request body", "get_json", "the request body",
    "get_data", "the request body", "read", "the request body", "stream", "the request body", "readline", "the request body",
    "post", "the form data", "text", "the request body");
  /** Methods of a request collection that read one value by key (first argument). */
  private static final Set<String> KEYED_GETTERS = Set.of("get", "getlist", "get_all", "getall", "getone", "pop", "setdefault");
  /** Methods of a request collection that return all of its data. */
  private static final Set<String> WHOLE_GETTERS = Set.of("dict", "items", "values", "keys", "lists", "copy", "to_dict", "urlencode",
    "multi_items", "getlist");
  private static final Set<String> META_HEADERS = Set.of("QUERY_STRING", "PATH_INFO", "CONTENT_TYPE");

  /** Attributes of a bound form or serializer holding its validated values, keyed by its declared fields. */
  public static final Set<String> VALIDATED_DATA = Set.of("cleaned_data", "validated_data");
  private static final Predicate<String> FORM_CLASSES = fqn -> (fqn.startsWith("django.forms.") || fqn.startsWith("rest_framework.serializers."))
    && (fqn.endsWith("Form") || fqn.endsWith("Serializer"));
  private static final Set<String> SAFE_PARAMETER_TYPES = Set.of("int", "float", "bool", "complex", "uuid.UUID", "decimal.Decimal",
    "datetime.datetime", "datetime.date", "datetime.time", "datetime.timedelta", "pydantic.types.UUID4", "pydantic.UUID4",
    "pydantic.types.PositiveInt", "pydantic.types.NonNegativeInt", "pydantic.types.StrictInt", "pydantic.types.StrictBool",
    "pydantic.PositiveInt", "pydantic.NonNegativeInt", "pydantic.StrictInt", "pydantic.StrictBool", "typing.Literal",
    "typing_extensions.Literal", "ipaddress.IPv4Address", "ipaddress.IPv6Address");
  private static final Set<String> NON_SOURCE_TYPES = Api.anyOf(SqlAlchemyApi.SESSION, SqlAlchemyApi.ASYNC_SESSION).plus(
    "fastapi.Request", "fastapi.requests.Request", "starlette.requests.Request", "starlette.requests.HTTPConnection", "fastapi.WebSocket", "starlette.websockets.WebSocket", "fastapi.Response",
    "fastapi.responses.Response", "starlette.responses.Response", "fastapi.BackgroundTasks", "fastapi.background.BackgroundTasks",
    "starlette.background.BackgroundTasks", "fastapi.security.SecurityScopes", "fastapi.security.oauth2.SecurityScopes").fqns();
  private static final Set<String> PYDANTIC_MODELS = Set.of("pydantic.BaseModel", "pydantic.main.BaseModel", "sqlmodel.SQLModel",
    "sqlmodel.main.SQLModel");
  /** {@code Depends}/{@code Security} of FastAPI. */
  public static final Set<String> FASTAPI_DEPENDENCIES = Set.of("fastapi.Depends", "fastapi.params.Depends", "fastapi.param_functions.Depends",
    "fastapi.Security", "fastapi.params.Security", "fastapi.param_functions.Security");
  private static final Map<String, String> FASTAPI_PARAM_KINDS = Map.ofEntries(
    Map.entry("Query", "the request parameter"), Map.entry("Path", "the URL parameter"), Map.entry("Header", "the request header"),
    Map.entry("Cookie", "the cookie"), Map.entry("Body", "the request body field"), Map.entry("Form", "the form field"),
    Map.entry("File", "the uploaded file"));
  private static final Predicate<String> VIEW_CLASS = fqn -> fqn.startsWith("django.views") || fqn.startsWith("rest_framework.views")
    || fqn.startsWith("rest_framework.generics") || fqn.startsWith("rest_framework.viewsets");
  private static final Predicate<String> ENUM = fqn -> fqn.equals("enum.Enum") || fqn.equals("enum.IntEnum") || fqn.equals("enum.StrEnum");
  private static final Pattern ROUTE_VARIABLE = Pattern.compile("(?<!\\?P)<(?:(\\w+):)?(\\w+)>");
  private static final Pattern REGEX_GROUP = Pattern.compile("\\(\\?P<(\\w+)>([^)]*)\\)");
  private static final Pattern SAFE_GROUP = Pattern.compile("(\\\\d|\\[0-9]|\\[\\\\d]|\\[a-fA-F0-9-]|\\[0-9a-fA-F-]|\\[0-9a-f-]|\\[a-f0-9-]|\\[-\\\\w]|\\[\\\\w-]|\\\\w|\\[a-z]|\\[A-Za-z]|\\[a-zA-Z]|\\[a-z0-9]|\\[a-z0-9_-]|\\[a-zA-Z0-9_-]|\\[A-Za-z0-9_-])[+*]?(\\{\\d+(,\\d*)?})?");
  private static final Set<String> SAFE_CONVERTERS = Set.of("int", "uuid", "slug", "float");

  private RequestSources() {
  }

  /** True when the module imports a web framework (Django, DRF, FastAPI, Starlette, Flask): a per-file fact. */
  public static boolean importsWebFramework(FileInput file) {
    return imports(file, RequestSources::isWebModule);
  }

  /** True when the module imports FastAPI. */
  public static boolean importsFastApi(FileInput file) {
    return imports(file, (module, names) -> module.equals("fastapi") || module.startsWith("fastapi."));
  }

  private static boolean imports(FileInput file, java.util.function.BiPredicate<String, List<String>> module) {
    if (file.statements() == null) {
      return false;
    }
    for (Statement statement : file.statements().statements()) {
      if (statement instanceof ImportFrom importFrom && importFrom.module() != null && module.test(dotted(importFrom.module().names()),
        importFrom.importedNames().stream().map(a -> a.dottedName().names().get(0).name()).toList())) {
        return true;
      }
      if (statement instanceof ImportName importName && importName.modules().stream()
        .anyMatch(m -> module.test(dotted(m.dottedName().names()), List.of()))) {
        return true;
      }
    }
    return false;
  }

  /** A web framework module; for aiohttp only its server side ({@code aiohttp.web}), not the HTTP client. */
  private static boolean isWebModule(String module, List<String> importedNames) {
    String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
    if ("aiohttp".equals(top)) {
      return module.startsWith("aiohttp.web") || importedNames.contains("web");
    }
    return WEB_MODULES.contains(top);
  }

  private static String dotted(List<Name> names) {
    return String.join(".", names.stream().map(Name::name).toList());
  }

  /** What the function receives from the request: source parameters, request-object parameters. */
  public static FunctionSources of(FunctionDef function, SubscriptionContext ctx, boolean webModule) {
    return of(function, ctx, webModule, f -> false);
  }

  /**
   * Like {@link #of(FunctionDef, SubscriptionContext, boolean)}, where {@code isFastApiDependency} tells whether the
   * function is a FastAPI dependency ({@code Depends(function)}): FastAPI fills its parameters from the request too.
   */
  public static FunctionSources of(FunctionDef function, SubscriptionContext ctx, boolean webModule, Predicate<FunctionDef> isFastApiDependency) {
    Map<Name, Source> sources = new LinkedHashMap<>();
    Set<Name> requestObjects = new java.util.HashSet<>();
    Optional<Handler> handler = RequestHandlers.of(function, ctx);
    List<Parameter> parameters = RequestHandlers.namedParameters(function);
    handler.map(Handler::requestParameter).ifPresent(requestObjects::add);
    for (Parameter parameter : parameters) {
      Name name = parameter.name();
      if (isRequestTyped(parameter) || webModule && "request".equals(name.name()) && parameter.typeAnnotation() == null) {
        requestObjects.add(name);
      }
    }
    if (handler.isPresent()) {
      Handler h = handler.get();
      if (h.framework() == Framework.FASTAPI) {
        fastApiSources(function, parameters, requestObjects, sources);
      } else if (h.framework() == Framework.FLASK) {
        flaskSources(function, parameters, sources);
      } else if (h.framework() == Framework.DJANGO && Trees.methodOwner(function) == null) {
        djangoUrlSources(function, parameters, h.requestParameter(), ctx, sources);
      }
    }
    if (handler.isEmpty() && webModule && isFastApiDependency.test(function)) {
      fastApiSources(function, parameters, requestObjects, sources);
    }
    ClassDef owner = Trees.methodOwner(function);
    boolean viewClassMethod = owner != null && ClassHierarchy.extendsAny(owner, VIEW_CLASS);
    if (sources.isEmpty() && requestObjects.isEmpty() && !viewClassMethod) {
      return FunctionSources.NONE;
    }
    return new FunctionSources(Map.copyOf(sources), Set.copyOf(requestObjects), viewClassMethod);
  }

  /** True for a Django form or DRF serializer class (a constructor call binds it to data). */
  public static boolean isValidatingForm(Expression callee) {
    Expression expr = Trees.skipParentheses(callee);
    return expr.is(Tree.Kind.NAME, Tree.Kind.QUALIFIED_EXPR) && expr.typeV2() instanceof ClassType && ClassHierarchy.isOrExtends(expr, FORM_CLASSES)
      || Fqns.of(expr).filter(FORM_CLASSES).isPresent();
  }

  /** True for a read of the Referer header: a redirect back to it returns the user to the page they came from. */
  public static boolean isReferer(Source source) {
    String description = source.description();
    return description.contains("\"HTTP_REFERER\"") || description.toLowerCase(Locale.ROOT).contains("\"referer\"");
  }

  /**
   * True when the read is the body of a form POSTed to a Django view that Django's CSRF protection covers
   * ({@code request.POST}, {@code request.FILES} in a view that is not {@code @csrf_exempt}): another site cannot make a
   * browser send it, so reflecting it back (a redirect, an HTML page) reaches only the user who typed it.
   */
  public static boolean isCsrfProtectedFormRead(Expression read, FunctionDef function, SubscriptionContext ctx) {
    boolean[] form = {false};
    Expression expr = Trees.skipParentheses(read);
    Tree collection = expr instanceof CallExpression call ? call.callee() : expr instanceof SubscriptionExpression subscription ? subscription.object() : expr;
    Trees.walk(collection, t -> !form[0], t -> {
      if (t instanceof QualifiedExpression field && CSRF_PROTECTED_FIELDS.contains(field.name().name())) {
        form[0] = true;
      }
    });
    if (!form[0] || function == null || RequestHandlers.of(function, ctx).filter(h -> h.framework() == Framework.DJANGO).isEmpty()) {
      return false;
    }
    ClassDef owner = Trees.methodOwner(function);
    return !exemptsCsrf(function.decorators()) && (owner == null || !exemptsCsrf(owner.decorators()));
  }

  private static boolean exemptsCsrf(List<Decorator> decorators) {
    for (Decorator decorator : decorators) {
      boolean[] exempt = {false};
      Trees.walk(decorator, t -> !exempt[0], t -> {
        if (t instanceof Name name && "csrf_exempt".equals(name.name())) {
          exempt[0] = true;
        }
      });
      if (exempt[0]) {
        return true;
      }
    }
    return false;
  }

  /**
   * True for one text value of the request's query string, form, cookies or headers ({@code request.args.get("q")},
   * {@code request.form["name"]}): a {@code str}, which a Flask view returns as an HTML page.
   */
  public static boolean isTextField(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    Expression mapping = null;
    if (expr instanceof CallExpression call && call.callee() instanceof QualifiedExpression get && "get".equals(get.name().name())
      && call.arguments().size() <= 2) {
      mapping = get.qualifier();
    } else if (expr instanceof SubscriptionExpression subscription) {
      mapping = subscription.object();
    }
    return mapping instanceof QualifiedExpression field && TEXT_FIELDS.contains(field.name().name()) && isFlaskRequest(field.qualifier());
  }

  /** True for Flask's global {@code request} proxy. */
  public static boolean isFlaskRequest(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    return expr.is(Tree.Kind.NAME, Tree.Kind.QUALIFIED_EXPR) && Fqns.of(expr).filter(FlaskApi.REQUEST).isPresent();
  }

  /**
   * The request data this expression reads, given which expressions are request objects: {@code request.GET},
   * {@code request.GET["q"]}, {@code request.GET.get("q")}, {@code request.headers.get("X")}, {@code request.body},
   * {@code await request.json()}, {@code self.kwargs["slug"]} (in a view class).
   */
  public static Optional<Source> read(Expression expression, Predicate<Expression> isRequestObject, boolean viewClassMethod) {
    Expression expr = Trees.skipParentheses(expression);
    if (expr instanceof AwaitExpression await) {
      Expression inner = Trees.skipParentheses(await.expression());
      return inner instanceof CallExpression ? read(inner, isRequestObject, viewClassMethod) : Optional.empty();
    }
    if (expr instanceof QualifiedExpression qualified) {
      return wholeRead(qualified, isRequestObject, viewClassMethod).map(d -> new Source(qualified, d));
    }
    if (expr instanceof SubscriptionExpression subscription && subscription.subscripts().expressions().size() == 1) {
      Expression object = Trees.skipParentheses(subscription.object());
      Optional<String> kind = collectionKind(object, isRequestObject, viewClassMethod);
      if (kind.isPresent()) {
        Expression key = subscription.subscripts().expressions().get(0);
        return keyed(expr, kind.get(), key);
      }
      return Optional.empty();
    }
    if (expr instanceof CallExpression call && call.callee() instanceof QualifiedExpression callee) {
      String method = callee.name().name();
      Expression receiver = Trees.skipParentheses(callee.qualifier());
      if (READ_METHODS.containsKey(method) && isRequestObject.test(receiver)) {
        return Optional.of(new Source(call, READ_METHODS.get(method)));
      }
      Optional<String> kind = collectionKind(receiver, isRequestObject, viewClassMethod);
      if (kind.isPresent()) {
        Optional<Expression> key = Arguments.value(call, 0, "key");
        if (KEYED_GETTERS.contains(method) && key.isPresent()) {
          return keyed(call, kind.get(), key.get());
        }
        if (WHOLE_GETTERS.contains(method) || KEYED_GETTERS.contains(method)) {
          return wholeRead((QualifiedExpression) receiver, isRequestObject, viewClassMethod).map(d -> new Source(call, d));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * How a read of request data is named, given the names read on a request object as a module summary gives them
   * ({@link org.backendreview.semantics.project.ModuleSummary.Returned#chain()} without its root): {@code [args, get()]},
   * {@code [GET, []]}, {@code [get_json()]}, {@code [body]}; empty when the chain does not read request data (the user,
   * the path, the session, server facts of {@code META}).
   */
  public static Optional<String> readOfChain(List<String> afterRequest) {
    if (afterRequest.isEmpty()) {
      return Optional.empty();
    }
    String first = afterRequest.get(0);
    if (first.endsWith("()")) {
      return Optional.ofNullable(READ_METHODS.get(first.substring(0, first.length() - 2)));
    }
    if ("META".equals(first) || "[]".equals(first)) {
      return Optional.empty();
    }
    String next = afterRequest.size() > 1 ? afterRequest.get(1) : "";
    if (KEYED_COLLECTIONS.containsKey(first) && ("[]".equals(next) || next.endsWith("()")
      && KEYED_GETTERS.contains(next.substring(0, next.length() - 2)))) {
      return Optional.of(KEYED_COLLECTIONS.get(first));
    }
    return Optional.ofNullable(WHOLE_READS.get(first));
  }

  /** The keyed-read naming of a request collection ({@code request.GET}), or empty when it is not one. */
  private static Optional<String> collectionKind(Expression object, Predicate<Expression> isRequestObject, boolean viewClassMethod) {
    if (object instanceof QualifiedExpression qualified) {
      String attribute = qualified.name().name();
      Expression owner = Trees.skipParentheses(qualified.qualifier());
      if (KEYED_COLLECTIONS.containsKey(attribute) && isRequestObject.test(owner)) {
        return Optional.of(attribute);
      }
      if ("kwargs".equals(attribute) && viewClassMethod && isSelf(owner)) {
        return Optional.of("path_params");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> wholeRead(QualifiedExpression qualified, Predicate<Expression> isRequestObject, boolean viewClassMethod) {
    String attribute = qualified.name().name();
    Expression owner = Trees.skipParentheses(qualified.qualifier());
    if (WHOLE_READS.containsKey(attribute) && isRequestObject.test(owner)) {
      return Optional.of(WHOLE_READS.get(attribute));
    }
    if ("kwargs".equals(attribute) && viewClassMethod && isSelf(owner)) {
      return Optional.of("the URL parameters");
    }
    return Optional.empty();
  }

  /** A keyed read; empty for {@code META} keys that are server facts rather than client input (REMOTE_ADDR...). */
  private static Optional<Source> keyed(Expression read, String collection, Expression key) {
    Optional<String> literal = Literals.stringValue(key);
    if ("META".equals(collection) && literal.isPresent()) {
      String name = literal.get();
      if (!name.startsWith("HTTP_") && !META_HEADERS.contains(name)) {
        return Optional.empty();
      }
    }
    String kind = KEYED_COLLECTIONS.get(collection);
    return Optional.of(literal.map(k -> new Source(read, kind + " \"" + k + "\""))
      .orElseGet(() -> new Source(read, WHOLE_READS.getOrDefault(collection, "the request data"))));
  }

  /**
   * True for reads of server facts from the request, which the client does not choose: {@code request.META["REMOTE_ADDR"]},
   * {@code request.META.get("SERVER_NAME")}.
   */
  public static boolean isServerFact(Expression expression, Predicate<Expression> isRequestObject) {
    Expression expr = Trees.skipParentheses(expression);
    Expression collection;
    Expression key;
    if (expr instanceof SubscriptionExpression subscription && subscription.subscripts().expressions().size() == 1) {
      collection = Trees.skipParentheses(subscription.object());
      key = subscription.subscripts().expressions().get(0);
    } else if (expr instanceof CallExpression call && call.callee() instanceof QualifiedExpression callee
      && KEYED_GETTERS.contains(callee.name().name()) && Arguments.value(call, 0, "key").isPresent()) {
      collection = Trees.skipParentheses(callee.qualifier());
      key = Arguments.value(call, 0, "key").get();
    } else {
      return false;
    }
    return collection instanceof QualifiedExpression meta && "META".equals(meta.name().name()) && isRequestObject.test(Trees.skipParentheses(meta.qualifier()))
      && Literals.stringValue(key).filter(k -> !k.startsWith("HTTP_") && !META_HEADERS.contains(k)).isPresent();
  }

  /** True for {@code self.request}-like attributes, when {@code self} is the first parameter of a method. */
  public static boolean isSelfRequest(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    return expr instanceof QualifiedExpression qualified && "request".equals(qualified.name().name()) && isSelf(Trees.skipParentheses(qualified.qualifier()));
  }

  private static boolean isSelf(Expression expression) {
    if (!(expression instanceof Name name)) {
      return false;
    }
    FunctionDef function = Trees.enclosingFunction(expression);
    if (function == null || Trees.methodOwner(function) == null) {
      return false;
    }
    List<Parameter> parameters = RequestHandlers.namedParameters(function);
    return !parameters.isEmpty() && parameters.get(0).name().name().equals(name.name());
  }

  private static boolean isRequestTyped(Parameter parameter) {
    if (parameter.typeAnnotation() == null) {
      return false;
    }
    Expression annotation = parameter.typeAnnotation().expression();
    return Fqns.of(annotation).filter(f -> REQUEST_CLASSES.contains(f) || FlaskApi.REQUEST_CLASSES.contains(f)).isPresent()
      || ClassHierarchy.typeIsOrExtends(annotation.typeV2(), f -> REQUEST_CLASSES.contains(f) || FlaskApi.REQUEST_CLASSES.contains(f));
  }

  // ---------------------------------------------------------------- FastAPI

  private static void fastApiSources(FunctionDef function, List<Parameter> parameters, Set<Name> requestObjects, Map<Name, Source> sources) {
    Set<String> pathVariables = fastApiPathVariables(function);
    for (Parameter parameter : parameters) {
      Name name = parameter.name();
      if (requestObjects.contains(name) || parameter.starToken() != null) {
        continue;
      }
      fastApiParameterKind(parameter, pathVariables).ifPresent(kind -> sources.put(name, new Source(name, kind + " \"" + name.name() + "\"")));
    }
  }

  /** How FastAPI fills this parameter from the request, or empty when it does not carry request text. */
  static Optional<String> fastApiParameterKind(Parameter parameter, Set<String> pathVariables) {
    String kind = pathVariables.contains(parameter.name().name()) ? "the URL parameter" : "the request parameter";
    Expression defaultValue = parameter.defaultValue();
    if (defaultValue instanceof CallExpression call) {
      Optional<String> fqn = Fqns.ofCallee(call);
      if (fqn.filter(FASTAPI_DEPENDENCIES::contains).isPresent()) {
        return Optional.empty();
      }
      Optional<String> paramKind = fastApiParamFunction(call);
      if (paramKind.isPresent()) {
        if (hasPattern(call)) {
          return Optional.empty();
        }
        kind = "the URL parameter".equals(kind) ? kind : paramKind.get();
      }
    }
    if (parameter.typeAnnotation() == null) {
      return Optional.of(kind);
    }
    Expression annotation = parameter.typeAnnotation().expression();
    if (Fqns.of(annotation).filter(NON_SOURCE_TYPES::contains).isPresent()
      || ClassHierarchy.typeIsOrExtends(annotation.typeV2(), NON_SOURCE_TYPES::contains)) {
      return Optional.empty();
    }
    Optional<String> annotatedKind = annotatedKind(annotation);
    if (annotatedKind.isPresent() && annotatedKind.get().isEmpty()) {
      return Optional.empty();
    }
    if (annotatedKind.isPresent() && !"the URL parameter".equals(kind)) {
      kind = annotatedKind.get();
    } else if ("the request parameter".equals(kind) && ClassHierarchy.typeIsOrExtends(annotation.typeV2(), PYDANTIC_MODELS::contains)) {
      // FastAPI reads a Pydantic model parameter from the JSON body
      kind = "the request body";
    }
    return isSafeType(annotation, 0) ? Optional.empty() : Optional.of(kind);
  }

  /** For {@code Annotated[T, Query()]}: the kind named by the metadata, "" for a dependency or a pattern, or empty. */
  private static Optional<String> annotatedKind(Expression annotation) {
    Expression expr = Trees.skipParentheses(annotation);
    if (!(expr instanceof SubscriptionExpression subscription) || !isTyping(subscription.object(), "Annotated")) {
      return Optional.empty();
    }
    List<Expression> arguments = subscription.subscripts().expressions();
    for (int i = 1; i < arguments.size(); i++) {
      if (arguments.get(i) instanceof CallExpression call) {
        if (Fqns.ofCallee(call).filter(FASTAPI_DEPENDENCIES::contains).isPresent()) {
          return Optional.of("");
        }
        Optional<String> kind = fastApiParamFunction(call);
        if (kind.isPresent()) {
          return hasPattern(call) ? Optional.of("") : kind;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> fastApiParamFunction(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.isEmpty() || !(fqn.get().startsWith("fastapi."))) {
      return Optional.empty();
    }
    String simple = fqn.get().substring(fqn.get().lastIndexOf('.') + 1);
    return Optional.ofNullable(FASTAPI_PARAM_KINDS.get(simple));
  }

  /** {@code Query(pattern="^[a-z]+$")}: FastAPI rejects values that do not match an anchored pattern. */
  private static boolean hasPattern(CallExpression call) {
    Optional<Expression> pattern = Arguments.value(call, -1, "pattern").or(() -> Arguments.value(call, -1, "regex"));
    return pattern.flatMap(Literals::stringValue).filter(p -> p.startsWith("^") && p.endsWith("$")).isPresent();
  }

  /**
   * True when a value of this declared type cannot carry attacker-chosen text: numbers, booleans, UUIDs, dates, enums,
   * literals, and {@code Optional}/unions/lists/{@code Annotated} of those.
   */
  public static boolean isSafeType(Expression annotation, int depth) {
    Expression expr = Trees.skipParentheses(annotation);
    if (depth > 5 || Literals.isNone(expr)) {
      return depth > 0 && Literals.isNone(expr);
    }
    if (expr instanceof BinaryExpression binary && expr.is(Tree.Kind.BITWISE_OR)) {
      return isSafeType(binary.leftOperand(), depth + 1) && isSafeType(binary.rightOperand(), depth + 1);
    }
    if (expr instanceof SubscriptionExpression subscription) {
      Expression object = subscription.object();
      List<Expression> arguments = subscription.subscripts().expressions();
      if (isTyping(object, "Literal")) {
        return true;
      }
      if (isTyping(object, "Annotated") && !arguments.isEmpty()) {
        return isSafeType(arguments.get(0), depth + 1);
      }
      if (isTyping(object, "Optional") || isTyping(object, "Union") || isTyping(object, "List") || isTyping(object, "Set")
        || isTyping(object, "Sequence") || Fqns.of(object).filter(f -> f.equals("list") || f.equals("set") || f.equals("tuple")).isPresent()) {
        return !arguments.isEmpty() && arguments.stream().allMatch(a -> isSafeType(a, depth + 1));
      }
      return false;
    }
    Optional<String> fqn = Fqns.of(expr);
    if (fqn.filter(SAFE_PARAMETER_TYPES::contains).isPresent()) {
      return true;
    }
    PythonType type = expr.typeV2();
    return type instanceof ClassType classType && (SAFE_PARAMETER_TYPES.contains(classType.fullyQualifiedName())
      || ClassHierarchy.typeIsOrExtends(classType, ENUM));
  }

  /** True when the value's inferred type is a number, boolean, UUID, date or enum member (FastAPI/Pydantic fields). */
  public static boolean hasSafeValueType(Expression expression) {
    PythonType type = expression.typeV2();
    if (type instanceof UnionType union) {
      return !union.candidates().isEmpty() && union.candidates().stream().allMatch(RequestSources::isSafeObjectType);
    }
    return isSafeObjectType(type);
  }

  private static boolean isSafeObjectType(PythonType type) {
    if (Types.classOf(type).orElse(null) instanceof ClassType c) {
      String fqn = c.fullyQualifiedName();
      return fqn != null && (SAFE_PARAMETER_TYPES.contains(fqn) || "NoneType".equals(fqn) || ClassHierarchy.typeIsOrExtends(c, ENUM));
    }
    return false;
  }

  private static boolean isTyping(Expression expression, String name) {
    Optional<String> fqn = Fqns.of(expression);
    if (fqn.isPresent()) {
      return fqn.get().equals("typing." + name) || fqn.get().equals("typing_extensions." + name);
    }
    return expression instanceof Name n && n.name().equals(name);
  }

  private static Set<String> fastApiPathVariables(FunctionDef function) {
    Set<String> result = new java.util.HashSet<>();
    for (Decorator decorator : function.decorators()) {
      if (decorator.expression() instanceof CallExpression call) {
        Arguments.value(call, 0, "path").flatMap(Literals::stringValue).ifPresent(path -> {
          Matcher matcher = Pattern.compile("\\{(\\w+)(?::\\w+)?}").matcher(path);
          while (matcher.find()) {
            result.add(matcher.group(1));
          }
        });
      }
    }
    return result;
  }

  // ---------------------------------------------------------------- Flask

  private static void flaskSources(FunctionDef function, List<Parameter> parameters, Map<Name, Source> sources) {
    Map<String, String> converters = new java.util.HashMap<>();
    for (Decorator decorator : function.decorators()) {
      if (decorator.expression() instanceof CallExpression call) {
        Arguments.value(call, 0, "rule").flatMap(Literals::stringValue).ifPresent(rule -> routeVariables(rule, converters));
      }
    }
    for (Parameter parameter : parameters) {
      String converter = converters.get(parameter.name().name());
      if (converter != null && !SAFE_CONVERTERS.contains(converter) && !isSafeAnnotation(parameter)) {
        sources.put(parameter.name(), new Source(parameter.name(), "the URL parameter \"" + parameter.name().name() + "\""));
      }
    }
  }

  // ---------------------------------------------------------------- Django URL arguments

  private static void djangoUrlSources(FunctionDef function, List<Parameter> parameters, Name request, SubscriptionContext ctx, Map<Name, Source> sources) {
    Symbol symbol = function.name().symbol();
    if (symbol == null || symbol.fullyQualifiedName() == null || parameters.size() < 2) {
      return;
    }
    Set<String> patterns;
    try {
      patterns = ctx.getDjangoViewInfo(symbol.fullyQualifiedName()).map(info -> info.urlPatterns()).orElse(Set.of());
    } catch (RuntimeException | LinkageError e) {
      return;
    }
    Map<String, String> converters = new java.util.HashMap<>();
    for (String pattern : patterns) {
      routeVariables(pattern, converters);
      Matcher group = REGEX_GROUP.matcher(pattern);
      while (group.find()) {
        String regex = group.group(2);
        boolean safe = SAFE_GROUP.matcher(regex).matches();
        converters.merge(group.group(1), safe ? "int" : "str", (a, b) -> "int".equals(a) ? b : a);
      }
    }
    for (Parameter parameter : parameters) {
      if (parameter.name() == request) {
        continue;
      }
      String converter = converters.get(parameter.name().name());
      if (converter != null && !SAFE_CONVERTERS.contains(converter) && !isSafeAnnotation(parameter)) {
        sources.put(parameter.name(), new Source(parameter.name(), "the URL parameter \"" + parameter.name().name() + "\""));
      }
    }
  }

  /** {@code <int:pk>} and {@code <name>} variables of Django/Flask route strings: name to converter ("str" if none). */
  private static void routeVariables(String route, Map<String, String> converters) {
    Matcher matcher = ROUTE_VARIABLE.matcher(route);
    while (matcher.find()) {
      String converter = matcher.group(1) == null ? "str" : matcher.group(1).toLowerCase(Locale.ROOT);
      // a variable routed with several converters is only safe when all of them are
      converters.merge(matcher.group(2), converter, (a, b) -> SAFE_CONVERTERS.contains(a) ? b : a);
    }
  }

  private static boolean isSafeAnnotation(Parameter parameter) {
    return parameter.typeAnnotation() != null && isSafeType(parameter.typeAnnotation().expression(), 0);
  }
}
