/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.semantics.fastapi.FastApi.Param;
import org.backendreview.semantics.fastapi.FastApi.Route;
import org.backendreview.semantics.fastapi.FastApi;
import org.backendreview.semantics.fastapi.Pydantic.ModelField;
import org.backendreview.semantics.fastapi.Pydantic;
import org.backendreview.semantics.fastapi.PydanticApi;
import org.backendreview.semantics.fastapi.RequestModels;
import org.backendreview.semantics.fastapi.RequestModels.Lead;
import org.backendreview.semantics.project.AnalysisContext;
import org.backendreview.semantics.python.PythonApi;
import org.backendreview.tree.Api;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.sonar.check.Rule;
import org.sonar.check.RuleProperty;
import org.sonar.plugins.python.api.IssueLocation;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.ClassDef;
import org.sonar.plugins.python.api.tree.Decorator;
import org.sonar.plugins.python.api.tree.DictionaryLiteral;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FunctionDef;
import org.sonar.plugins.python.api.tree.KeyValuePair;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Request inputs without size limits. (1) Fields of Pydantic request models ({@link RequestModels}: a path operation's
 * body in any module of the project, a model named like one, or a model nested in one, followed recursively) whose
 * {@code str}/{@code bytes}/{@code list}/{@code dict}/{@code set} type has no {@code max_length} (through
 * {@code Field}, {@code constr}, {@code conlist}, {@code StringConstraints}, {@code Annotated} metadata or the model's
 * {@code str_max_length}) and no validator, one issue per field in the model's own file; (2) pagination parameters ({@code limit}, {@code page_size}, ...) of path
 * operations without an upper bound ({@code le=}/{@code lt=}). Part (1) only with {@code checkFieldLengths=true}: Pydantic
 * validates a field after the whole body was received and parsed, so a maximum length protects storage and processing
 * but not the server's memory (the body size is bounded by the server or proxy); that is a project's policy, not a
 * defect.
 */
@Rule(key = "UnboundedRequestInput")
public class UnboundedRequestInputCheck extends BackendReviewCheck {

  @RuleProperty(key = "checkFieldLengths", description = "Also report request models whose string and collection fields declare no maximum "
    + "length (off by default: most teams bound the request body at the server or proxy instead).", defaultValue = "false")
  public boolean checkFieldLengths = false;

  private static final Set<String> UNBOUNDED_TYPES = Api.anyOf(PythonApi.STR, PythonApi.BYTES, PythonApi.LIST, PythonApi.DICT, PythonApi.SET,
    PythonApi.FROZENSET, PythonApi.SEQUENCE, PythonApi.MAPPING).fqns();
  private static final Set<String> WRAPPERS = Api.anyOf(PythonApi.OPTIONAL, PythonApi.UNION).fqns();
  private static final Set<String> BOUNDED_HELPERS = Set.of("constr", "conbytes", "conlist", "conset", "confrozenset", "StringConstraints");
  private static final Set<String> MAX_KEYWORDS = Set.of("max_length", "max_items", "max_size");
  private static final Set<String> PAGINATION = Set.of("limit", "page_size", "pagesize", "per_page", "perpage", "max_results", "max_items",
    "batch_size", "top", "take", "page_limit");
  private static final Set<String> VALIDATORS = Api.anyOf(PydanticApi.VALIDATOR, PydanticApi.FIELD_VALIDATOR).fqns();

  @Override
  protected void register(Context context) {
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, this::checkFile);
  }

  private void checkFile(SubscriptionContext ctx) {
    AnalysisContext file = AnalysisContext.of(ctx);
    // routes declared outside functions (module level or in classes)
    for (FunctionDef function : file.functions()) {
      if (!isInFunction(function)) {
        FastApi.route(function).ifPresent(route -> checkRoute(ctx, route));
      }
    }
    if (!checkFieldLengths) {
      return;
    }
    RequestModels.of(ctx).forEach((model, leads) -> checkModel(ctx, model, leads));
  }

  private static boolean isInFunction(Tree definition) {
    return Trees.firstAncestor(definition, Tree.Kind.FUNCDEF, Tree.Kind.LAMBDA) != null;
  }

  private static void checkRoute(SubscriptionContext ctx, Route route) {
    for (Param param : FastApi.params(route)) {
      if (param.kind() == FastApi.ParamKind.QUERY && PAGINATION.contains(param.parameter().name().name().toLowerCase(java.util.Locale.ROOT))
        && isIntType(param.type()) && !hasUpperBound(param)) {
        ctx.addIssue(param.parameter(), "Make sure this page size is bounded: add \"le=\" to " + (param.marker() == null ? "a Query()" : "its Query()")
          + " so that clients cannot request unlimited rows.");
      }
    }
  }

  private static boolean isIntType(Expression type) {
    if (type == null) {
      return false;
    }
    for (Expression part : unwrapOptional(type)) {
      if (Fqns.of(part).filter("int"::equals).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasUpperBound(Param param) {
    if (param.marker() != null && (Arguments.keyword(param.marker(), "le").isPresent() || Arguments.keyword(param.marker(), "lt").isPresent())) {
      return true;
    }
    if (param.parameter().typeAnnotation() == null) {
      return false;
    }
    // conint(le=...), Annotated[int, Field(le=...)] and other metadata
    List<Expression> parts = Pydantic.unwrapAnnotated(param.parameter().typeAnnotation().expression());
    for (Expression part : parts) {
      if (part instanceof CallExpression call && (Arguments.keyword(call, "le").isPresent() || Arguments.keyword(call, "lt").isPresent())) {
        return true;
      }
    }
    return false;
  }

  /** One issue per unbounded field, on the field; the route parameter or outer field that makes the model a request model as secondary locations. */
  private static void checkModel(SubscriptionContext ctx, ClassDef model, List<Lead> leads) {
    if (hasStrMaxLengthConfig(model)) {
      return;
    }
    Set<String> validated = validatedFields(model);
    for (ModelField field : Pydantic.fields(model)) {
      if (!validated.contains(field.name().name()) && isUnbounded(field)) {
        var issue = ctx.addIssue(field.declaration(), "Bound the size of request field \"" + field.name().name() + "\" of " + model.name().name()
          + " with \"max_length\" so that oversized values are rejected before they are stored or processed.");
        for (Lead lead : leads) {
          if (lead.tree() != null) {
            issue.secondary(lead.tree(), lead.message());
          } else {
            issue.secondary(IssueLocation.preciseLocation(lead.location(), lead.message()));
          }
        }
      }
    }
  }

  private static boolean isUnbounded(ModelField field) {
    List<Expression> parts = Pydantic.unwrapAnnotated(field.annotation());
    for (Expression metadata : parts.subList(1, parts.size())) {
      if (bounds(metadata)) {
        return false;
      }
    }
    if (field.defaultValue() != null && Pydantic.isFieldCall(field.defaultValue()) && bounds(field.defaultValue())) {
      return false;
    }
    for (Expression type : unwrapOptional(parts.get(0))) {
      if (isUnboundedType(type)) {
        return true;
      }
    }
    return false;
  }

  /** {@code Field(max_length=...)}, {@code StringConstraints(max_length=...)}, {@code MaxLen(...)}, {@code Len(..., max)}. */
  private static boolean bounds(Expression metadata) {
    if (!(Trees.skipParentheses(metadata) instanceof CallExpression call)) {
      return false;
    }
    for (String keyword : MAX_KEYWORDS) {
      if (Arguments.keyword(call, keyword).filter(a -> !Literals.isNone(a.expression())).isPresent()) {
        return true;
      }
    }
    Optional<String> name = Fqns.calleeName(call);
    return name.filter(n -> n.equals("MaxLen") || n.equals("Len") && call.arguments().size() >= 2).isPresent();
  }

  /** {@code Optional[X]}, {@code Union[X, None]}, {@code X | None}: the members; anything else: itself. */
  private static List<Expression> unwrapOptional(Expression type) {
    Expression expr = Trees.skipParentheses(type);
    if (expr instanceof SubscriptionExpression subscription && Fqns.of(subscription.object()).filter(WRAPPERS::contains).isPresent()) {
      return new ArrayList<>(subscription.subscripts().expressions());
    }
    if (expr.is(Tree.Kind.BITWISE_OR)) {
      List<Expression> result = new ArrayList<>();
      result.addAll(unwrapOptional(((BinaryExpression) expr).leftOperand()));
      result.addAll(unwrapOptional(((BinaryExpression) expr).rightOperand()));
      return result;
    }
    return List.of(expr);
  }

  private static boolean isUnboundedType(Expression type) {
    Expression expr = Trees.skipParentheses(type);
    if (expr instanceof CallExpression call) {
      // constr(...), conlist(...) without a maximum
      Optional<String> helper = Fqns.calleeName(call);
      return helper.filter(BOUNDED_HELPERS::contains).isPresent() && !bounds(call);
    }
    Expression head = expr instanceof SubscriptionExpression subscription ? subscription.object() : expr;
    return Fqns.of(head).filter(UNBOUNDED_TYPES::contains).isPresent();
  }

  private static boolean hasStrMaxLengthConfig(ClassDef model) {
    for (Statement statement : model.body().statements()) {
      if (statement instanceof AssignmentStatement assignment && assignment.lhsExpressions().size() == 1
        && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name target && "model_config".equals(target.name())) {
        Expression value = Trees.skipParentheses(assignment.assignedValue());
        if (value instanceof CallExpression call && Arguments.keyword(call, "str_max_length").isPresent()) {
          return true;
        }
        if (value instanceof DictionaryLiteral dict && dict.elements().stream().anyMatch(e -> e instanceof KeyValuePair pair
          && Literals.stringValue(pair.key()).filter("str_max_length"::equals).isPresent())) {
          return true;
        }
      }
      if (statement instanceof ClassDef config && "Config".equals(config.name().name())) {
        for (Statement inner : config.body().statements()) {
          if (inner instanceof AssignmentStatement assignment && assignment.lhsExpressions().get(0).expressions().get(0) instanceof Name target
            && "max_anystr_length".equals(target.name())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Set<String> validatedFields(ClassDef model) {
    Set<String> result = new HashSet<>();
    for (Statement statement : model.body().statements()) {
      if (statement instanceof FunctionDef method) {
        for (Decorator decorator : method.decorators()) {
          if (decorator.expression() instanceof CallExpression call && Fqns.ofCallee(call).filter(VALIDATORS::contains).isPresent()) {
            call.arguments().forEach(a -> {
              if (a instanceof org.sonar.plugins.python.api.tree.RegularArgument r && r.keywordArgument() == null) {
                Literals.stringValue(r.expression()).ifPresent(result::add);
                if ("*".equals(Literals.stringValue(r.expression()).orElse(""))) {
                  result.add("*");
                }
              }
            });
          }
        }
      }
    }
    if (result.contains("*")) {
      Pydantic.fields(model).forEach(f -> result.add(f.name().name()));
    }
    return result;
  }
}
