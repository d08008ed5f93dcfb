/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.checks.ReportsIn;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.fastapi.FastApi.Route;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.project.CodeScope;
import org.backendreview.tree.Trees;
import org.backendreview.tree.Types;
import org.sonar.check.Rule;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.Argument;
import org.sonar.plugins.python.api.tree.AwaitExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.ReturnStatement;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.types.v2.ClassType;
import org.sonar.plugins.python.api.types.v2.Member;
import org.sonar.plugins.python.api.types.v2.PythonType;

/**
 * A FastAPI path operation without an output schema (no {@code response_model=}, no return
 * annotation, or one naming the returned class itself) returns instances of a project class that declares
 * secret-looking attributes ({@code hashed_password}, {@code api_key}, {@code otp_secret}, ...): FastAPI serializes
 * every field, secrets included. The class is found from the returned expression: a typed object, or the model class
 * named in the query that produced it ({@code db.get(User, id)}, {@code db.query(User)...first()},
 * {@code select(User)}, {@code User.objects.get(...)}). Authentication endpoints (login, token, refresh: see
 * {@link FastApi#isAuthenticationEndpoint}) are meant to return the {@code access_token}/{@code refresh_token} they mint.
 */
@Rule(key = "RouteReturnsSecretFields")
@ReportsIn(CodeScope.ALL_CODE)
public class RouteReturnsSecretFieldsCheck extends BackendReviewCheck {

  private static final Pattern SECRET = Pattern.compile(
    "(?i)(hashed_password|password_hash|password_hashed|pwd_hash|passwd|password|secret|secret_key|client_secret|api_key|apikey|private_key|"
      + "access_token|refresh_token|token_hash|otp_secret|totp_secret|mfa_secret|salt|encrypted_password)");
  private static final Set<String> ISSUED_TOKENS = Set.of("access_token", "refresh_token", "id_token");
  private static final int MAX_NODES = 60;

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FUNCDEF, RouteReturnsSecretFieldsCheck::check);
  }

  private static void check(SubscriptionContext ctx) {
    FunctionDef function = (FunctionDef) ctx.syntaxNode();
    Optional<Route> found = FastApi.route(function);
    if (found.isEmpty() || found.get().websocket() || found.get().decoratorKeyword("response_class").isPresent()) {
      return;
    }
    Route route = found.get();
    Expression declared = route.decoratorKeyword("response_model")
      .orElse(function.returnTypeAnnotation() == null ? null : function.returnTypeAnnotation().expression());
    for (ReturnStatement statement : Trees.descendantsInSameScope(function.body(), Tree.Kind.RETURN_STMT, ReturnStatement.class)) {
      if (statement.expressions().size() != 1) {
        continue;
      }
      Optional<ClassType> returned = returnedClass(statement.expressions().get(0), ctx);
      if (returned.isEmpty() || declared != null && !namesClass(declared, returned.get())) {
        continue;
      }
      Set<String> secrets = secretMembers(returned.get());
      if (FastApi.isAuthenticationEndpoint(route)) {
        // a login, token or refresh endpoint is meant to hand out the tokens it mints
        secrets.removeAll(ISSUED_TOKENS);
      }
      if (!secrets.isEmpty()) {
        ctx.addIssue(statement, "Return an output schema without " + String.join(", ", secrets.stream().map(s -> "\"" + s + "\"").toList())
          + " instead of the \"" + returned.get().name() + "\" object: every field of it is sent to the client.")
          .secondary(route.decorator(), declared == null ? "No response_model" : "The response model is the class itself");
        return;
      }
    }
  }

  private static Set<String> secretMembers(ClassType type) {
    Set<String> result = new TreeSet<>();
    for (Member member : type.members()) {
      if (SECRET.matcher(member.name()).matches()) {
        result.add(member.name());
      }
    }
    return result;
  }

  private static boolean namesClass(Expression declared, ClassType type) {
    Deque<Tree> toVisit = new ArrayDeque<>();
    toVisit.add(declared);
    while (!toVisit.isEmpty()) {
      Tree current = toVisit.poll();
      if (current instanceof Expression expression && expression.typeV2() == type) {
        return true;
      }
      current.children().stream().filter(c -> c != null).forEach(toVisit::add);
    }
    return false;
  }

  /** The single project class whose instances the expression returns, or empty. */
  private static Optional<ClassType> returnedClass(Expression returned, SubscriptionContext ctx) {
    Set<ClassType> classes = new LinkedHashSet<>();
    Deque<Expression> toVisit = new ArrayDeque<>();
    toVisit.add(returned);
    int visited = 0;
    while (!toVisit.isEmpty() && visited++ < MAX_NODES) {
      Expression expr = Trees.skipParentheses(toVisit.poll());
      PythonType type = expr.typeV2();
      Optional<ClassType> instanceClass = Types.classOf(type).filter(RouteReturnsSecretFieldsCheck::isProjectClass);
      if (instanceClass.isPresent()) {
        classes.add(instanceClass.get());
        continue;
      }
      if (expr instanceof AwaitExpression await) {
        toVisit.add(await.expression());
      } else if (expr instanceof Name name) {
        if (type instanceof ClassType classType && isProjectClass(classType)) {
          classes.add(classType);
        } else if (!(type instanceof ClassType)) {
          toVisit.addAll(AnalysisContext.of(ctx).values().reaching(name, ctx));
        }
      } else if (expr instanceof CallExpression call) {
        if (call.callee().typeV2() instanceof ClassType constructed && isProjectClass(constructed)) {
          classes.add(constructed);
          continue;
        }
        // the receiver chain and the first argument: db.query(User).first(), db.get(User, 1), select(User)
        if (call.callee() instanceof QualifiedExpression qualified) {
          toVisit.add(qualified.qualifier());
        }
        for (Argument argument : call.arguments()) {
          if (argument instanceof RegularArgument regular && regular.keywordArgument() == null) {
            toVisit.add(regular.expression());
            break;
          }
        }
      } else if (expr instanceof QualifiedExpression qualified && "objects".equals(qualified.name().name())) {
        toVisit.add(qualified.qualifier());
      }
    }
    return classes.size() == 1 ? Optional.of(classes.iterator().next()) : Optional.empty();
  }

  /** A class of the analysed project (not a library class known from stubs). */
  private static boolean isProjectClass(ClassType type) {
    return type.definitionLocation().isPresent() && !type.members().isEmpty();
  }
}
