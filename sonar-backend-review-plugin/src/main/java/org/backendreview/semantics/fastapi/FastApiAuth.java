/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.semantics.project.ModuleSources;
import org.backendreview.semantics.project.SiblingFiles;
import org.backendreview.tree.ValueResolver;
import org.backendreview.semantics.security.Secrets;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Parameter;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * FastAPI's authentication dependencies, as access-control rules see them: which {@code Depends(x)}/{@code Security(x)}
 * authenticate the caller, on a path operation (its {@code dependencies=[...]} or its parameters, also through an
 * {@code Annotated[User, Depends(...)]} alias), on its router or application ({@code APIRouter(dependencies=...)},
 * {@code FastAPI(dependencies=...)}), or where a router is included ({@code include_router(router, dependencies=...)}).
 * <p>
 * An authentication dependency is {@code Security(...)}; an instance of a {@code fastapi.security} scheme
 * ({@code OAuth2PasswordBearer}, {@code HTTPBearer}, {@code APIKeyHeader}, {@code HTTPBasic}...); a function of the
 * module whose parameters depend on one (or take the scheme's credentials); or a dependency named for it
 * ({@code get_current_user}, {@code current_active_user}, {@code require_admin}, {@code verify_token},
 * {@code authenticate}, {@code fastapi_users.current_user(active=True)}).
 */
public final class FastApiAuth {

  private static final Set<String> SCHEMES = Set.of("OAuth2PasswordBearer", "OAuth2AuthorizationCodeBearer", "OAuth2", "OpenIdConnect",
    "HTTPBearer", "HTTPBasic", "HTTPDigest", "APIKeyHeader", "APIKeyCookie", "APIKeyQuery");
  private static final Set<String> CREDENTIAL_TYPES = Set.of("HTTPAuthorizationCredentials", "HTTPBasicCredentials", "SecurityScopes");
  /** Words of dependency names that authenticate or authorize the caller. */
  private static final Set<String> AUTH_WORDS = Set.of("auth", "authenticate", "authenticated", "authentication", "authorize",
    "authorized", "authorization", "token", "jwt", "oauth", "oauth2", "bearer", "apikey", "login", "permission", "permissions",
    "admin", "superuser", "scopes", "principal", "credentials", "role", "roles", "require", "requires", "required", "verify", "verified",
    "guard", "protected");
  /** Words that, with "user", name the authenticated user ({@code get_current_user}, {@code active_user}). */
  private static final Set<String> CURRENT_WORDS = Set.of("current", "active", "logged", "authenticated", "me", "verified", "requesting");
  private static final Pattern INCLUDE_WITH_DEPENDENCIES = Pattern.compile("include_router\\s*\\(\\s*([A-Za-z_][\\w.]*)([^()]*(?:\\([^()]*\\)[^()]*)*)\\)");
  private static final int MAX_DEPTH = 3;
  private static final int INCLUDE_DIRECTORY_LEVELS = 3;

  private FastApiAuth() {
  }

  /** The first authentication dependency of the route (an element of its {@code dependencies=} or a parameter's marker), if any. */
  public static Optional<Tree> routeDependency(FastApi.Route route) {
    Optional<Expression> dependencies = route.decoratorKeyword("dependencies");
    if (dependencies.isPresent()) {
      Optional<Tree> found = authElement(dependencies.get());
      if (found.isPresent()) {
        return found;
      }
    }
    for (Parameter parameter : org.backendreview.semantics.web.RequestHandlers.namedParameters(route.function())) {
      Optional<Tree> found = parameterDependency(parameter, 0);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** True when the route declares dependencies the rule cannot read ({@code dependencies=some_list}): it may authenticate. */
  public static boolean hasOpaqueDependencies(FastApi.Route route) {
    return route.decoratorKeyword("dependencies").filter(d -> Literals.collectionElements(d).isEmpty()).isPresent();
  }

  /** The authentication dependency among a {@code dependencies=[...]} list, if any. */
  public static Optional<Tree> authElement(Expression dependencies) {
    Optional<List<Expression>> elements = Literals.collectionElements(Trees.skipParentheses(dependencies));
    if (elements.isEmpty()) {
      return Optional.empty();
    }
    for (Expression element : elements.get()) {
      if (element instanceof CallExpression marker && isAuthMarker(marker, 0)) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  private static Optional<Tree> parameterDependency(Parameter parameter, int depth) {
    List<CallExpression> markers = new ArrayList<>();
    if (parameter.defaultValue() instanceof CallExpression call) {
      markers.add(call);
    }
    if (parameter.typeAnnotation() != null) {
      Expression annotation = parameter.typeAnnotation().expression();
      if (Trees.skipParentheses(annotation) instanceof Name alias) {
        // CurrentUser = Annotated[User, Depends(get_current_user)], here or imported from the project's deps module
        Optional<Expression> aliased = ValueResolver.singleAssignedValue(alias);
        if (aliased.isEmpty() && isAuthName(alias.name())) {
          return Optional.of(parameter);
        }
        annotation = aliased.orElse(annotation);
      }
      List<Expression> parts = Pydantic.unwrapAnnotated(annotation);
      for (Expression metadata : parts.subList(1, parts.size())) {
        if (metadata instanceof CallExpression call) {
          markers.add(call);
        }
      }
      if (isCredentialType(parts.get(0))) {
        return Optional.of(parameter);
      }
    }
    for (CallExpression marker : markers) {
      if (isAuthMarker(marker, depth)) {
        return Optional.of(marker);
      }
    }
    return Optional.empty();
  }

  private static boolean isCredentialType(Expression type) {
    Optional<String> fqn = Fqns.of(type);
    return fqn.isPresent() && fqn.get().startsWith("fastapi.security.") && CREDENTIAL_TYPES.contains(simpleName(fqn.get()));
  }

  /** {@code Security(...)}, or {@code Depends(x)} with an authentication dependency x. */
  private static boolean isAuthMarker(CallExpression marker, int depth) {
    Optional<String> kind = FastApi.paramFunction(marker);
    if (kind.isEmpty()) {
      return false;
    }
    if ("Security".equals(kind.get())) {
      return true;
    }
    if (!"Depends".equals(kind.get())) {
      return false;
    }
    return Arguments.value(marker, 0, "dependency").map(d -> isAuthDependency(d, depth)).orElse(false);
  }

  /** True when the dependency callable authenticates the caller (see the class comment). */
  public static boolean isAuthDependency(Expression dependency, int depth) {
    Expression expression = Trees.skipParentheses(dependency);
    if (expression instanceof CallExpression call) {
      return isScheme(call) || Fqns.calleeName(call).filter(FastApiAuth::isAuthName).isPresent();
    }
    String name = expression instanceof Name n ? n.name() : expression instanceof QualifiedExpression q ? q.name().name() : null;
    if (name == null) {
      return false;
    }
    if (isAuthName(name)) {
      return true;
    }
    if (expression instanceof Name n) {
      Optional<Expression> value = ValueResolver.singleAssignedValue(n);
      if (value.isPresent() && Trees.skipParentheses(value.get()) instanceof CallExpression call && isScheme(call)) {
        return true;
      }
      FunctionDef function = Trees.functionBoundTo(n);
      if (function != null && depth < MAX_DEPTH) {
        for (Parameter parameter : org.backendreview.semantics.web.RequestHandlers.namedParameters(function)) {
          if (parameterDependency(parameter, depth + 1).isPresent()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** An instance of a {@code fastapi.security} scheme: {@code OAuth2PasswordBearer(tokenUrl="token")}, {@code HTTPBearer()}. */
  public static boolean isScheme(CallExpression call) {
    Optional<String> fqn = Fqns.ofCallee(call);
    return fqn.isPresent() && fqn.get().startsWith("fastapi.security") && SCHEMES.contains(simpleName(fqn.get()));
  }

  /** A dependency named for authentication: {@code get_current_user}, {@code require_admin}, {@code verify_token}. */
  public static boolean isAuthName(String name) {
    List<String> words = Secrets.words(name);
    if (words.stream().anyMatch(AUTH_WORDS::contains)) {
      return true;
    }
    return (words.contains("user") || words.contains("account")) && words.stream().anyMatch(CURRENT_WORDS::contains);
  }

  /**
   * For the object routes are declared on ({@code router} in {@code @router.post}): TRUE when it is built with
   * {@code dependencies=} ({@code APIRouter(dependencies=[...])}, {@code FastAPI(dependencies=[...])}) or included with
   * dependencies in this module or in a module of the directories above (read as text); FALSE when it is a plain
   * {@code APIRouter()}/{@code FastAPI()} of this module included nowhere with dependencies; empty when unknown (an
   * imported router, a factory, {@code **kwargs}).
   */
  public static Optional<Boolean> ownerHasDependencies(Name owner, List<CallExpression> moduleCalls, SubscriptionContext ctx) {
    Optional<Expression> value = ValueResolver.singleAssignedValue(owner);
    if (value.isEmpty() || !(Trees.skipParentheses(value.get()) instanceof CallExpression constructor)) {
      return Optional.empty();
    }
    Optional<String> fqn = Fqns.ofCallee(constructor);
    if (fqn.isEmpty() || !FastApiApi.LIFESPAN_OWNERS.contains(fqn.get()) || Arguments.hasKeywordUnpacking(constructor)) {
      return Optional.empty();
    }
    if (Arguments.keyword(constructor, "dependencies").isPresent()) {
      return Optional.of(true);
    }
    for (CallExpression call : moduleCalls) {
      if (FastApi.isAppMethod(call, "include_router") && Arguments.value(call, 0, "router")
        .filter(r -> Trees.skipParentheses(r) instanceof Name n && n.name().equals(owner.name())).isPresent()
        && Arguments.keyword(call, "dependencies").isPresent()) {
        return Optional.of(true);
      }
    }
    if (fqn.get().endsWith("APIRouter") && includedWithDependenciesElsewhere(owner.name(), ctx)) {
      return Optional.of(true);
    }
    return Optional.of(false);
  }

  /**
   * True when a module of this directory or of the directories above includes a router by this name (or this module's
   * {@code module.router}) with {@code dependencies=}: {@code app.include_router(items.router, dependencies=[...])}.
   */
  private static boolean includedWithDependenciesElsewhere(String routerName, SubscriptionContext ctx) {
    Optional<Path> directory = ModuleSources.directoryOf(ctx.pythonFile());
    if (directory.isEmpty()) {
      return false;
    }
    String moduleName = ctx.pythonFile().fileName().replaceFirst("\\.py$", "");
    Path current = directory.get();
    for (int level = 0; level < INCLUDE_DIRECTORY_LEVELS && current != null; level++, current = current.getParent()) {
      Map<String, List<String>> includes = SiblingFiles.facts(current, "fastapi-includes-with-dependencies", FastApiAuth::includesWithDependencies);
      for (List<String> routers : includes.values()) {
        for (String router : routers) {
          String last = simpleName(router);
          String qualifier = router.contains(".") ? simpleName(router.substring(0, router.lastIndexOf('.'))) : "";
          if (last.equals(routerName) && (qualifier.isEmpty() || qualifier.equals(moduleName)) || last.equals(moduleName)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The router expressions ({@code items.router}) a module's text includes with {@code dependencies=}. */
  static List<String> includesWithDependencies(String text) {
    if (!text.contains("include_router")) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    Matcher matcher = INCLUDE_WITH_DEPENDENCIES.matcher(text);
    while (matcher.find()) {
      if (matcher.group(2).contains("dependencies")) {
        result.add(matcher.group(1));
      }
    }
    return result;
  }

  private static String simpleName(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }
}
