/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.outbound;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.celery.CeleryApi;
import org.backendreview.semantics.http.HttpLibraries;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.check.RuleProperty;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.ExceptClause;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.RegularArgument;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.TryStatement;
import org.sonar.plugins.python.api.tree.Tuple;
import org.sonar.plugins.python.api.tree.WhileStatement;

/**
 * NET-03: retry policies without a bound or without backoff: tenacity's {@code @retry}/{@code Retrying} without
 * {@code stop} (retries forever) or without {@code wait} (retries immediately), the {@code retrying} library's
 * {@code @retry} likewise, {@code backoff.on_exception} without {@code max_tries}/{@code max_time}, Celery tasks with
 * {@code autoretry_for} and {@code max_retries=None} or neither {@code retry_backoff} nor {@code default_retry_delay},
 * and hand-written {@code while True:} retry loops whose error handlers never give up, when they retry a transient failure
 * (a connection, timeout or throttling error, or any error of an outbound call).
 *
 * <p>Not reported: unbounded retries whose wait grows ({@code wait_exponential}, {@code backoff.expo},
 * {@code retry_backoff=True}, a loop that sleeps a growing delay): daemons and workers that must eventually reach their
 * service are written that way on purpose (parameter {@code reportUnboundedWithBackoff}); policies that retry nothing but
 * conflicts ({@code retry_if_exception_type(StaleDataError)}, {@code retry_on_exception=lambda e: isinstance(e, Conflict)})
 * or only on an explicit {@code TryAgain} ({@code retry=retry_never}), which need no wait.
 */
@Rule(key = "RetryWithoutLimitOrBackoff")
public class RetryWithoutLimitOrBackoffCheck extends BackendReviewCheck {

  private static final Pattern GROWING_WAIT = Pattern.compile("(?i).*(exponential|incrementing|expo|fibo|backoff).*");
  /** Exception names of failures of a remote service (or of the connection to it). */
  private static final Pattern REMOTE_FAILURE = Pattern.compile("(?i).*(connect|timeout|timedout|network|socket|unavailable|transient"
    + "|temporar|throttl|ratelimit|toomanyrequests|operationalerror|interfaceerror|requestexception|httperror|urlerror|brokenpipe).*");

  @RuleProperty(key = "reportUnboundedWithBackoff", description = "Also report retries without a stop condition whose wait grows "
    + "(exponential backoff), as daemons use them to reconnect forever", defaultValue = "false")
  public boolean reportUnboundedWithBackoff = false;

  private static final Set<String> TENACITY = HttpLibraries.TENACITY.fqns();
  private static final Set<String> RETRYING = HttpLibraries.RETRYING.fqns();
  private static final Set<String> BACKOFF = HttpLibraries.BACKOFF.fqns();
  private static final Pattern TRANSIENT_FAILURE = Pattern.compile("(?i).*(connect|timeout|timedout|network|socket|unavailable|transient"
    + "|temporar|throttl|ratelimit|toomanyrequests|operationalerror|interfaceerror|requestexception|httperror|urlerror|oserror|ioerror"
    + "|brokenpipe|retry|retriable|retryable).*");
  private static final Set<String> BROAD_EXCEPTIONS = Set.of("Exception", "BaseException");
  private static final Set<String> NETWORK_MODULES = Set.of("requests", "httpx", "urllib", "urllib3", "http", "aiohttp", "socket", "smtplib",
    "ftplib", "redis", "pymongo", "psycopg2", "psycopg", "pymysql", "MySQLdb", "asyncpg", "aiomysql", "boto3", "botocore", "kafka",
    "aiokafka", "confluent_kafka", "pika", "aio_pika", "kombu", "grpc", "openai", "anthropic", "paramiko", "ldap", "ldap3");
  private static final Set<String> CONNECTING_METHODS = Set.of("connect", "reconnect", "create_connection", "open_connection", "urlopen");
  private static final Set<String> SLEEPS = Set.of("sleep", "wait", "wait_for", "backoff");

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.DECORATOR, RetryWithoutLimitOrBackoffCheck::checkBareDecorator);
    context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, this::checkCall);
    context.registerSyntaxNodeConsumer(Tree.Kind.WHILE_STMT, this::checkLoop);
  }

  /** {@code @retry} without parentheses: tenacity and retrying then retry forever, immediately. */
  private static void checkBareDecorator(SubscriptionContext ctx) {
    Decorator decorator = (Decorator) ctx.syntaxNode();
    Expression expression = decorator.expression();
    if (expression instanceof CallExpression) {
      return;
    }
    Optional<String> fqn = Fqns.of(expression);
    if (fqn.filter(f -> HttpLibraries.TENACITY.contains(f) || HttpLibraries.RETRYING.contains(f)).isPresent() && !isDefinedInThisModule(expression)) {
      ctx.addIssue(decorator, "Configure this retry with a stop condition and a wait: a bare \"@retry\" retries forever, without any delay.");
    }
  }

  private void checkCall(SubscriptionContext ctx) {
    CallExpression call = (CallExpression) ctx.syntaxNode();
    if (Arguments.hasKeywordUnpacking(call)) {
      return;
    }
    if (isDefinedInThisModule(call.callee())) {
      return;
    }
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.filter(TENACITY::contains).isPresent()) {
      boolean onRequestOnly = retriesOnExplicitRequestOnly(call);
      checkPolicy(ctx, call, has(call, "stop") && !isNever(call, "stop") || onRequestOnly
        || !reportUnboundedWithBackoff && Arguments.keyword(call, "wait").filter(w -> growingWait(w.expression(), ctx)).isPresent(),
        has(call, "wait") || onRequestOnly || retriesOnlyConflicts(call, "retry"));
    } else if (fqn.filter(RETRYING::contains).isPresent()) {
      checkPolicy(ctx, call, has(call, "stop_max_attempt_number") || has(call, "stop_max_delay") || has(call, "stop_func")
          || !reportUnboundedWithBackoff && (has(call, "wait_exponential_multiplier") || has(call, "wait_incrementing_increment")),
        has(call, "wait_fixed") || has(call, "wait_random_min") || has(call, "wait_random_max") || has(call, "wait_exponential_multiplier")
          || has(call, "wait_func") || has(call, "wait_incrementing_increment") || retriesOnlyConflicts(call, "retry_on_exception"));
    } else if (fqn.filter(BACKOFF::contains).isPresent()) {
      boolean growing = call.arguments().stream().findFirst().filter(a -> a instanceof RegularArgument r && r.keywordArgument() == null
        && growingWait(r.expression(), ctx)).isPresent();
      if (!has(call, "max_tries") && !has(call, "max_time") && (reportUnboundedWithBackoff || !growing)) {
        ctx.addIssue(call.callee(), "Pass \"max_tries\" or \"max_time\" to this backoff decorator: without them it retries forever.");
      }
    } else if (isCeleryTaskDecorator(call) && has(call, "autoretry_for")) {
      checkCeleryTask(ctx, call);
    }
  }

  /**
   * The wait grows between attempts: an exponential, incrementing or fibonacci wait ({@code wait_exponential(...)},
   * {@code wait_random_exponential}, {@code backoff.expo}), also through a variable holding it.
   */
  private static boolean growingWait(Expression wait, SubscriptionContext ctx) {
    List<Expression> values = new java.util.ArrayList<>(List.of(wait));
    Expression expr = Trees.skipParentheses(wait);
    if (expr instanceof org.sonar.plugins.python.api.tree.Name name) {
      values.addAll(AnalysisContext.of(ctx).values().reaching(name, ctx));
      org.backendreview.tree.ValueResolver.singleAssignedValue(name).ifPresent(values::add);
    }
    boolean[] found = {false};
    for (Expression value : values) {
      Trees.walk(value, t -> !found[0], t -> {
        if (isGrowingName(t)) {
          found[0] = true;
        }
      });
    }
    return found[0];
  }

  /** {@code retry=retry_never}: tenacity retries only when the function raises {@code TryAgain} itself. */
  private static boolean retriesOnExplicitRequestOnly(CallExpression call) {
    return Arguments.keyword(call, "retry").flatMap(a -> Fqns.of(a.expression()).or(() -> Optional.of(Trees.skipParentheses(a.expression())
      .lastToken().value()))).filter(f -> f.endsWith("retry_never")).isPresent();
  }

  /**
   * The policy retries only exceptions that are not failures of a service (a concurrent update, a lost optimistic lock,
   * an entity that already exists): {@code retry=retry_if_exception_type(StaleDataError)},
   * {@code retry=retry_if_exception(lambda e: isinstance(e, Conflict))}, retrying's
   * {@code retry_on_exception=lambda e: isinstance(e, (UpdateConflict, ReshapeConflict))}. An immediate retry is the usual
   * answer, no wait is needed.
   */
  private static boolean retriesOnlyConflicts(CallExpression call, String keyword) {
    Optional<Expression> condition = Arguments.keyword(call, keyword).map(a -> Trees.skipParentheses(a.expression()));
    if (condition.isEmpty()) {
      return false;
    }
    List<Expression> types = new java.util.ArrayList<>();
    Expression expr = condition.get();
    if (expr instanceof CallExpression predicate && Fqns.ofCallee(predicate).filter(f -> f.endsWith("retry_if_exception")).isPresent()
      && predicate.arguments().size() == 1 && predicate.arguments().get(0) instanceof RegularArgument only) {
      expr = Trees.skipParentheses(only.expression());
    }
    if (expr instanceof CallExpression predicate && Fqns.ofCallee(predicate).filter(f -> f.endsWith("retry_if_exception_type")).isPresent()) {
      for (org.sonar.plugins.python.api.tree.Argument argument : predicate.arguments()) {
        if (!(argument instanceof RegularArgument regular) || regular.keywordArgument() != null) {
          return false;
        }
        types.addAll(typesOf(regular.expression()));
      }
    } else if (expr instanceof org.sonar.plugins.python.api.tree.LambdaExpression lambda
      && Trees.skipParentheses(lambda.expression()) instanceof CallExpression isinstance
      && Fqns.calleeName(isinstance).filter("isinstance"::equals).isPresent() && isinstance.arguments().size() == 2
      && isinstance.arguments().get(1) instanceof RegularArgument typeArgument) {
      types.addAll(typesOf(typeArgument.expression()));
    }
    return !types.isEmpty() && types.stream().allMatch(t -> (t.is(Tree.Kind.NAME) || t.is(Tree.Kind.QUALIFIED_EXPR))
      && !TRANSIENT_FAILURE.matcher(simpleName(t)).matches() && !BROAD_EXCEPTIONS.contains(simpleName(t)));
  }

  private static List<Expression> typesOf(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    return expr instanceof Tuple tuple ? tuple.elements() : List.of(expr);
  }

  private static String simpleName(Expression type) {
    String name = Fqns.of(type).orElseGet(() -> Trees.skipParentheses(type).lastToken().value());
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** The name is defined in the analysed module (the retry library's own sources), not imported from it. */
  private static boolean isDefinedInThisModule(Expression expression) {
    if (!(Trees.skipParentheses(expression) instanceof org.sonar.plugins.python.api.tree.Name name) || name.symbolV2() == null) {
      return false;
    }
    return name.symbolV2().usages().stream().anyMatch(u -> u.kind() == org.sonar.plugins.python.api.symbols.v2.UsageV2.Kind.FUNC_DECLARATION
      || u.kind() == org.sonar.plugins.python.api.symbols.v2.UsageV2.Kind.CLASS_DECLARATION);
  }

  private static void checkPolicy(SubscriptionContext ctx, CallExpression call, boolean bounded, boolean waits) {
    if (!bounded && !waits) {
      ctx.addIssue(call.callee(), "Give this retry policy a stop condition and a wait: as configured it retries forever, without any delay.");
    } else if (!bounded) {
      ctx.addIssue(call.callee(), "Give this retry policy a stop condition (\"stop=stop_after_attempt(...)\"): as configured it retries forever.");
    } else if (!waits) {
      ctx.addIssue(call.callee(), "Give this retry policy a wait with backoff (\"wait=wait_exponential_jitter(...)\"): as configured it "
        + "retries immediately and hammers the failing service.");
    }
  }

  private void checkCeleryTask(SubscriptionContext ctx, CallExpression call) {
    Optional<Expression> maxRetries = Arguments.keyword(call, "max_retries").map(a -> a.expression());
    boolean backoff = Arguments.keyword(call, "retry_backoff").filter(a -> !Literals.booleanValue(a.expression()).equals(Optional.of(false))).isPresent();
    if (maxRetries.isPresent() && Literals.isNone(maxRetries.get()) && (reportUnboundedWithBackoff || !backoff)) {
      ctx.addIssue(maxRetries.get(), "Set \"max_retries\" to a number: with \"max_retries=None\" this task retries forever.");
    } else if (!has(call, "retry_backoff") && !has(call, "default_retry_delay")) {
      ctx.addIssue(call.callee(), "Add \"retry_backoff=True\" (with \"retry_jitter\") to this task: its automatic retries all wait the same "
        + "fixed delay and hit the failing service in waves.");
    }
  }

  /** {@code @app.task(...)}, {@code @shared_task(...)}, {@code @celery.task(...)}. */
  private static boolean isCeleryTaskDecorator(CallExpression call) {
    if (!(call.parent() instanceof Decorator)) {
      return false;
    }
    Optional<String> fqn = Fqns.ofCallee(call);
    if (fqn.filter(CeleryApi.SHARED_TASK::contains).isPresent()) {
      return true;
    }
    return Trees.skipParentheses(call.callee()) instanceof QualifiedExpression q && "task".equals(q.name().name());
  }

  /** {@code while True:} whose body retries an operation in a try statement and whose error handlers never give up. */
  private void checkLoop(SubscriptionContext ctx) {
    WhileStatement loop = (WhileStatement) ctx.syntaxNode();
    if (!isAlwaysTrue(loop.condition()) || loop.elseClause() != null || yields(loop)) {
      return;
    }
    TryStatement retried = null;
    for (Statement statement : loop.body().statements()) {
      if (statement instanceof TryStatement tryStatement && exitsOnSuccess(tryStatement)) {
        retried = tryStatement;
      } else if (exits(statement)) {
        // an exit outside the retried operation (a counter check, a deadline): bounded
        return;
      }
    }
    if (retried == null || retried.exceptClauses().isEmpty() || retried.finallyClause() != null && exits(retried.finallyClause())) {
      return;
    }
    for (ExceptClause handler : retried.exceptClauses()) {
      if (exits(handler) || changesLoopState(handler, loop)) {
        return;
      }
    }
    TryStatement operation = retried;
    if (retried.exceptClauses().stream().noneMatch(h -> retriesTransientFailure(h, operation))) {
      return;
    }
    boolean sleeps = containsSleep(loop);
    if (sleeps && !reportUnboundedWithBackoff && sleepsGrowingDelay(loop)) {
      return;
    }
    ctx.addIssue(loop.whileKeyword(), sleeps
      ? "Bound this retry loop (a maximum number of attempts or a deadline): its error handlers never give up, so it retries forever."
      : "Bound this retry loop and wait between attempts: its error handlers never give up, so it retries forever, without any delay.")
      .secondary(retried.tryKeyword(), "Operation retried on every error");
  }

  /**
   * The handler catches a transient failure of an outbound call: an exception type named after a connection, a timeout,
   * an unavailable service or throttling ({@code ConnectionError}, {@code AutoReconnect}, {@code RequestException},
   * {@code OperationalError}...), or a broad handler ({@code except:}, {@code except Exception}) around an outbound call.
   * Loops catching other errors (a queue's {@code Empty}, Redis' {@code WatchError}, a DB-API {@code Error} while
   * skipping result sets) are polls or optimistic retries on data, not retries of a failing service.
   */
  private static boolean retriesTransientFailure(ExceptClause handler, TryStatement retried) {
    Expression exception = handler.exception();
    if (exception == null) {
      return callsOutbound(retried.body());
    }
    List<Expression> types = Trees.skipParentheses(exception) instanceof Tuple tuple ? tuple.elements() : List.of(exception);
    for (Expression type : types) {
      String simple = simpleName(type);
      if (REMOTE_FAILURE.matcher(simple).matches()
        || (TRANSIENT_FAILURE.matcher(simple).matches() || BROAD_EXCEPTIONS.contains(simple)) && callsOutbound(retried.body())) {
        return true;
      }
    }
    return false;
  }

  /** The tree calls a network client API (by module) or a method that opens a connection. */
  private static boolean callsOutbound(Tree tree) {
    boolean[] found = {false};
    Trees.walk(tree, t -> !found[0] && !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t instanceof CallExpression call && (Fqns.ofCallee(call).filter(f -> NETWORK_MODULES.contains(f.split("\\.", 2)[0])).isPresent()
        || Fqns.calleeName(call).filter(CONNECTING_METHODS::contains).isPresent())) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /**
   * The handler assigns a variable that the loop reads ({@code points = points[:-1]}): the next iteration works on other
   * data, so the loop walks through it rather than retrying the same operation.
   */
  private static boolean changesLoopState(ExceptClause handler, WhileStatement loop) {
    java.util.Set<String> assigned = new java.util.HashSet<>();
    Trees.walk(handler.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t instanceof org.sonar.plugins.python.api.tree.AssignmentStatement assignment) {
        assignment.lhsExpressions().forEach(l -> l.expressions().stream()
          .filter(org.sonar.plugins.python.api.tree.Name.class::isInstance).forEach(n -> assigned.add(((org.sonar.plugins.python.api.tree.Name) n).name())));
      }
    });
    if (assigned.isEmpty()) {
      return false;
    }
    boolean[] read = {false};
    Trees.walk(loop.body(), t -> !read[0] && t != handler, t -> {
      if (t instanceof org.sonar.plugins.python.api.tree.Name name && assigned.contains(name.name()) && !Trees.isAncestorOrSelf(handler, t)
        && !(t.parent() instanceof org.sonar.plugins.python.api.tree.ExpressionList && t.parent().parent() instanceof org.sonar.plugins.python.api.tree.AssignmentStatement)) {
        read[0] = true;
      }
    });
    return read[0];
  }

  /** The try body leaves the loop when the operation succeeds ({@code break} or {@code return} at its end). */
  private static boolean exitsOnSuccess(TryStatement tryStatement) {
    java.util.List<Statement> statements = tryStatement.body().statements();
    Statement last = statements.get(statements.size() - 1);
    return last.is(Tree.Kind.BREAK_STMT, Tree.Kind.RETURN_STMT) || tryStatement.elseClause() != null && exits(tryStatement.elseClause());
  }

  /**
   * The tree contains a {@code raise}, a {@code return}, an exit call, or a {@code break} of the retry loop itself
   * (not of a nested loop).
   */
  private static boolean exits(Tree tree) {
    boolean[] found = {false};
    Trees.walk(tree, t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t.is(Tree.Kind.RAISE_STMT, Tree.Kind.RETURN_STMT)
        || t.is(Tree.Kind.BREAK_STMT) && !isInNestedLoop(t, tree)
        || t instanceof CallExpression call && PythonApi.EXIT.isCalledBy(call)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /** A {@code break} that belongs to a loop inside {@code root} (or to root itself when root is a loop). */
  private static boolean isInNestedLoop(Tree breakStatement, Tree root) {
    Tree current = breakStatement.parent();
    while (current != null) {
      if (current.is(Tree.Kind.WHILE_STMT, Tree.Kind.FOR_STMT)) {
        return Trees.isAncestorOrSelf(root, current);
      }
      if (current == root) {
        return false;
      }
      current = current.parent();
    }
    return false;
  }

  /** A loop that yields hands control back on each iteration: a cooperative poll, not a tight retry. */
  private static boolean yields(Tree loop) {
    boolean[] found = {false};
    Trees.walk(loop, t -> !found[0] && !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t.is(Tree.Kind.YIELD_EXPR)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /**
   * The loop sleeps a delay that it grows ({@code time.sleep(delay)} with {@code delay *= 2}, {@code delay = min(delay * 2, 60)}
   * in the loop) or computes with a backoff helper ({@code sleep(backoff.next())}, {@code sleep(2 ** attempt)}): a daemon
   * backing off, not a tight retry.
   */
  private static boolean sleepsGrowingDelay(WhileStatement loop) {
    java.util.Set<String> grown = new java.util.HashSet<>();
    Trees.walk(loop.body(), t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t instanceof org.sonar.plugins.python.api.tree.CompoundAssignmentStatement compound
        && compound.lhsExpression() instanceof org.sonar.plugins.python.api.tree.Name name) {
        grown.add(name.name());
      } else if (t instanceof org.sonar.plugins.python.api.tree.AssignmentStatement assignment) {
        assignment.lhsExpressions().forEach(l -> l.expressions().stream().filter(org.sonar.plugins.python.api.tree.Name.class::isInstance)
          .map(n -> ((org.sonar.plugins.python.api.tree.Name) n).name())
          .filter(n -> mentions(assignment.assignedValue(), n)).forEach(grown::add));
      }
    });
    boolean[] found = {false};
    Trees.walk(loop.body(), t -> !found[0] && !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t instanceof CallExpression call && Fqns.calleeName(call).filter(SLEEPS::contains).isPresent()) {
        for (org.sonar.plugins.python.api.tree.Argument argument : call.arguments()) {
          if (argument instanceof RegularArgument regular && (grown.stream().anyMatch(n -> mentions(regular.expression(), n))
            || hasPowerOrGrowingName(regular.expression()))) {
            found[0] = true;
          }
        }
      }
    });
    return found[0];
  }

  /** A name that says the wait grows ({@code wait_exponential}, {@code backoff.expo}); not a module qualifier ({@code backoff.constant}). */
  private static boolean isGrowingName(Tree tree) {
    return tree instanceof org.sonar.plugins.python.api.tree.Name name && GROWING_WAIT.matcher(name.name()).matches()
      && !(name.parent() instanceof QualifiedExpression q && q.qualifier() == name);
  }

  private static boolean mentions(Tree tree, String name) {
    boolean[] found = {false};
    Trees.walk(tree, t -> !found[0], t -> {
      if (t instanceof org.sonar.plugins.python.api.tree.Name n && n.name().equals(name)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static boolean hasPowerOrGrowingName(Tree tree) {
    boolean[] found = {false};
    Trees.walk(tree, t -> !found[0], t -> {
      if (t.is(Tree.Kind.POWER) || isGrowingName(t)) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static boolean containsSleep(Tree loop) {
    boolean[] found = {false};
    Trees.walk(loop, t -> !t.is(Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA, Tree.Kind.CLASSDEF), t -> {
      if (t instanceof CallExpression call && Fqns.calleeName(call).filter(SLEEPS::contains).isPresent()) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static boolean isAlwaysTrue(Expression condition) {
    Expression expr = Trees.skipParentheses(condition);
    return Literals.booleanValue(expr).orElse(false) || expr.is(Tree.Kind.NUMERIC_LITERAL) && "1".equals(expr.firstToken().value());
  }

  private static boolean isNever(CallExpression call, String keyword) {
    return Arguments.keyword(call, keyword).flatMap(a -> Fqns.of(a.expression())).filter(f -> f.endsWith("stop_never")).isPresent();
  }

  private static boolean has(CallExpression call, String keyword) {
    return Arguments.keyword(call, keyword).isPresent();
  }
}
