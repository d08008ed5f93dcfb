/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.security;

import java.util.Optional;
import java.util.Set;
import org.backendreview.semantics.django.DjangoApi;
import org.backendreview.semantics.drf.DrfApi;
import org.backendreview.semantics.fastapi.FastApiApi;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.tree.Api;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ExceptClause;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.Tuple;

/**
 * What an error answer sends to the client, and whether it carries the text of an exception: the responses and HTTP
 * exceptions of Django, Django REST framework and FastAPI/Starlette; the exceptions whose text describes the server
 * (everything caught by {@code except Exception}, database, OS, network and subprocess errors) as opposed to
 * validation errors written for the client.
 */
public final class ErrorResponses {

  /** Calls whose arguments reach the client. */
  public static final Api CLIENT_RESPONSES = Api.anyOf(FastApiApi.HTTP_EXCEPTION, FastApiApi.WEBSOCKET_EXCEPTION, FastApiApi.JSON_RESPONSE,
    FastApiApi.RESPONSE, FastApiApi.TEXT_RESPONSES, DjangoApi.JSON_RESPONSE, DjangoApi.HTTP_RESPONSES, DrfApi.RESPONSE);
  /** Calls that format the current traceback. */
  public static final Api TRACEBACK_TEXT = Api.of("traceback.format_exc", "traceback.format_exception", "traceback.format_tb",
    "traceback.format_stack");
  /** Exception classes (by simple name) whose text describes the server: internals, queries, paths, hosts. */
  private static final Set<String> SERVER_ERRORS = Set.of("Exception", "BaseException", "DatabaseError", "OperationalError",
    "ProgrammingError", "IntegrityError", "InterfaceError", "InternalError", "DataError", "SQLAlchemyError", "DBAPIError",
    "OSError", "IOError", "EnvironmentError", "RequestException", "ConnectionError", "HTTPError", "ClientError", "BotoCoreError",
    "CalledProcessError", "RuntimeError", "AttributeError", "TypeError");
  /** Attributes of an exception that hold its text. */
  private static final Set<String> TEXT_ATTRIBUTES = Set.of("args", "message", "msg", "strerror", "orig", "__str__", "__repr__", "stderr",
    "output");

  private ErrorResponses() {
  }

  /** True when the except clause catches an exception whose text describes the server ({@code except Exception as e}, bare {@code except}). */
  public static boolean catchesServerErrors(ExceptClause except) {
    Expression caught = except.exception();
    if (caught == null) {
      return true;
    }
    Expression e = Trees.skipParentheses(caught);
    if (e instanceof Tuple tuple) {
      return tuple.elements().stream().anyMatch(ErrorResponses::isServerError);
    }
    return isServerError(e);
  }

  private static boolean isServerError(Expression type) {
    Expression e = Trees.skipParentheses(type);
    String name = e instanceof Name n ? n.name() : e instanceof QualifiedExpression q ? q.name().name() : null;
    return name != null && (SERVER_ERRORS.contains(name) || PythonApi.BROAD_EXCEPTIONS.matches(e));
  }

  /**
   * The part of an expression that carries the text of the caught exception (the name bound by {@code as}, in
   * {@code str(e)}, {@code f"{e}"}, {@code e.args}, or through a local variable assigned once from such an expression),
   * or a formatted traceback; empty when none does ({@code type(e).__name__}, {@code e.status_code}).
   */
  public static Optional<Tree> exceptionText(Expression expression, SymbolV2 exception) {
    return exceptionText(expression, exception, 0);
  }

  private static Optional<Tree> exceptionText(Expression expression, SymbolV2 exception, int depth) {
    Tree[] found = {null};
    Trees.walk(expression, t -> found[0] == null && !t.is(Tree.Kind.LAMBDA), t -> {
      if (t instanceof CallExpression call && TRACEBACK_TEXT.isCalledBy(call)) {
        found[0] = call;
      } else if (t instanceof Name name && exception != null && name.symbolV2() == exception && leaksText(name)) {
        found[0] = name.parent() instanceof QualifiedExpression q && q.qualifier() == name ? q : name;
      } else if (t instanceof Name name && depth < 2 && name.symbolV2() != exception && !(name.parent() instanceof QualifiedExpression q && q.name() == name)) {
        ValueResolver.singleAssignedValue(name).flatMap(value -> exceptionText(value, exception, depth + 1)).ifPresent(x -> found[0] = name);
      }
    });
    return Optional.ofNullable(found[0]);
  }

  private static boolean leaksText(Name name) {
    Tree parent = name.parent();
    if (parent instanceof QualifiedExpression q && q.qualifier() == name) {
      return TEXT_ATTRIBUTES.contains(q.name().name());
    }
    if (parent instanceof RegularArgument argument && argument.expression() == name
      && Trees.firstAncestor(argument, Tree.Kind.CALL_EXPR) instanceof CallExpression call
      && Fqns.isCallTo(call, "type", "isinstance", "id", "hasattr", "getattr")) {
      return false;
    }
    return !(parent != null && parent.is(Tree.Kind.COMPARISON, Tree.Kind.IS, Tree.Kind.IN));
  }
}
