/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.backendreview.semantics.security.InjectionSanitizers;
import org.backendreview.semantics.security.InjectionSinks.Kind;
import org.backendreview.semantics.security.RequestSources;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.symbols.v2.SymbolV2;
import org.sonar.plugins.python.api.symbols.v2.UsageV2;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.CompoundAssignmentStatement;
import org.sonar.plugins.python.api.tree.ComprehensionExpression;
import org.sonar.plugins.python.api.tree.ConditionalExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.ExpressionList;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.SubscriptionExpression;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * Which values formatted into SQL text are fixed by the program: literals, numbers (by type or conversion), constants,
 * attributes of {@code self}, results of calls (settings, metadata, quoting), placeholder lists
 * ({@code ", ".join(["%s"] * len(ids))}, {@code ",".join(f":p{i}" for i in range(n))}) and string building from those.
 * Parameters and loop variables are not fixed, nor what is computed from them: a helper that formats its
 * {@code table} argument, or a loop over a list of table names, is one refactoring away from taking the name from a
 * request, which is why formatting them into SQL is reported even when no request data is proven.
 */
public final class SafeText {

  private static final int MAX_DEPTH = 5;
  private static final java.util.Set<String> STRING_OPERATIONS = java.util.Set.of("join", "format", "lower", "upper", "strip", "lstrip",
    "rstrip", "replace", "title", "capitalize", "casefold", "removeprefix", "removesuffix", "zfill", "center", "ljust", "rjust");

  private SafeText() {
  }

  /** The first value formatted into the SQL text that the program does not fix, or empty. */
  public static Optional<Expression> firstDynamicValue(Expression sql) {
    return firstDynamicValue(sql, 0);
  }

  private static Optional<Expression> firstDynamicValue(Expression sql, int depth) {
    List<StringParts.Part> parts = StringParts.of(sql);
    if (parts.size() == 1 && !parts.get(0).isText()) {
      Expression single = Trees.skipParentheses(parts.get(0).value());
      if (single instanceof Name name && depth < MAX_DEPTH) {
        for (Expression value : localValues(name)) {
          if (value.parent() instanceof CompoundAssignmentStatement && !isFixed(value, 0)) {
            return Optional.of(value);
          }
          if (isStringBuilding(value)) {
            Optional<Expression> dynamic = firstDynamicValue(value, depth + 1);
            if (dynamic.isPresent()) {
              return dynamic;
            }
          }
        }
      }
      return isStringBuilding(single) && depth < MAX_DEPTH && !(single instanceof Name) ? firstDynamicValue(single, depth + 1) : Optional.empty();
    }
    for (StringParts.Part part : parts) {
      if (!part.isText() && !isFixed(part.value(), 0)) {
        return Optional.of(part.value());
      }
    }
    return Optional.empty();
  }

  private static boolean isStringBuilding(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    return expr.is(Tree.Kind.PLUS, Tree.Kind.MODULO) || Literals.isFString(expr)
      || expr instanceof CallExpression call && Fqns.calleeName(call).filter("format"::equals).isPresent();
  }

  /** Values a local variable is assigned ({@code =} and {@code +=}), in any order. */
  private static List<Expression> localValues(Name name) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return List.of();
    }
    java.util.ArrayList<Expression> result = new java.util.ArrayList<>();
    for (UsageV2 usage : symbol.usages()) {
      Tree target = usage.tree();
      if (usage.kind() == UsageV2.Kind.ASSIGNMENT_LHS && target.parent() instanceof ExpressionList list && list.expressions().size() == 1
        && list.parent() instanceof AssignmentStatement assignment) {
        result.add(assignment.assignedValue());
      } else if (usage.kind() == UsageV2.Kind.COMPOUND_ASSIGNMENT_LHS && target.parent() instanceof CompoundAssignmentStatement compound) {
        result.add(compound.rhsExpression());
      }
    }
    return result;
  }

  /**
   * True when the value is fixed by the program: it does not come from a parameter or a loop variable (directly, or
   * through local assignments, attributes, subscripts and string operations on them). Attributes of {@code self},
   * module names and the results of other calls (settings, metadata lookups, quoting functions) are fixed.
   */
  static boolean isFixed(Expression expression, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (Literals.isConstant(expr) || RequestSources.hasSafeValueType(expr)) {
      return true;
    }
    if (expr instanceof StringLiteral || expr.is(Tree.Kind.PLUS, Tree.Kind.MODULO)) {
      return allFixed(expr, depth);
    }
    if (expr instanceof CallExpression call) {
      return fixedCall(call, depth);
    }
    if (expr instanceof ConditionalExpression conditional) {
      return isFixed(conditional.trueExpression(), depth + 1) && isFixed(conditional.falseExpression(), depth + 1);
    }
    if (expr.is(Tree.Kind.MULTIPLICATION)) {
      BinaryExpression times = (BinaryExpression) expr;
      return isFixed(times.leftOperand(), depth + 1) || isFixed(times.rightOperand(), depth + 1);
    }
    if (expr.is(Tree.Kind.LIST_LITERAL, Tree.Kind.TUPLE)) {
      return Literals.collectionElements(expr).orElse(List.of()).stream().allMatch(e -> isFixed(e, depth + 1));
    }
    if (expr instanceof ComprehensionExpression comprehension) {
      return isPlaceholder(comprehension.resultExpression()) || isFixed(comprehension.resultExpression(), depth + 1);
    }
    if (expr.is(Tree.Kind.DICTIONARY_LITERAL)) {
      return ((org.sonar.plugins.python.api.tree.DictionaryLiteral) expr).elements().stream()
        .allMatch(e -> !(e instanceof org.sonar.plugins.python.api.tree.KeyValuePair pair) || isFixed(pair.value(), depth + 1));
    }
    if (expr instanceof QualifiedExpression qualified) {
      String attribute = qualified.name().name();
      if ("__tablename__".equals(attribute) || "db_table".equals(attribute)
        || "name".equals(attribute) && qualified.qualifier() instanceof QualifiedExpression table && "__table__".equals(table.name().name())) {
        return true;
      }
      Expression owner = Trees.skipParentheses(qualified.qualifier());
      return owner instanceof Name self && ("self".equals(self.name()) || "cls".equals(self.name())) || isFixed(owner, depth + 1);
    }
    if (expr instanceof SubscriptionExpression subscription) {
      return isFixed(subscription.object(), depth + 1);
    }
    if (expr instanceof Name name) {
      return fixedName(name, depth);
    }
    return true;
  }

  private static boolean allFixed(Expression expr, int depth) {
    List<StringParts.Part> parts = StringParts.of(expr);
    if (parts.size() == 1 && !parts.get(0).isText() && parts.get(0).value() == expr) {
      BinaryExpression binary = (BinaryExpression) expr;
      return isFixed(binary.leftOperand(), depth + 1) && isFixed(binary.rightOperand(), depth + 1);
    }
    return parts.stream().allMatch(p -> p.isText() || isFixed(p.value(), depth + 1));
  }

  /** String operations keep the origin of their receiver and arguments; the results of other calls are program data. */
  private static boolean fixedCall(CallExpression call, int depth) {
    if (InjectionSanitizers.sanitizes(call, Kind.SQL)) {
      return true;
    }
    Optional<String> method = Fqns.calleeName(call);
    boolean stringOperation = method.filter(STRING_OPERATIONS::contains).isPresent() && call.callee() instanceof QualifiedExpression
      || Fqns.isCallTo(call, "str");
    if (!stringOperation) {
      return true;
    }
    if (call.callee() instanceof QualifiedExpression receiver && !Fqns.isCallTo(call, "str") && !isFixed(receiver.qualifier(), depth + 1)) {
      return false;
    }
    for (org.sonar.plugins.python.api.tree.Argument argument : call.arguments()) {
      if (argument instanceof org.sonar.plugins.python.api.tree.RegularArgument regular && !isFixed(regular.expression(), depth + 1)
        || argument instanceof org.sonar.plugins.python.api.tree.UnpackingExpression unpacking && !isFixed(unpacking.expression(), depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /** A placeholder of a generated parameter list: {@code "%s"}, {@code f":id_{i}"}, {@code "?"}. */
  private static boolean isPlaceholder(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    if (Literals.stringValue(expr).isPresent()) {
      return true;
    }
    return expr instanceof StringLiteral literal && literal.stringElements().stream()
      .anyMatch(e -> e.trimmedQuotesValue().startsWith(":") || e.trimmedQuotesValue().startsWith("%(") || e.trimmedQuotesValue().startsWith("$"));
  }

  /** A name is fixed unless it is a parameter or a loop/with variable, or is assigned a value that is not fixed. */
  private static boolean fixedName(Name name, int depth) {
    if (isConstantName(name.name())) {
      return true;
    }
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return true;
    }
    for (UsageV2 usage : symbol.usages()) {
      if (!usage.isBindingUsage()) {
        continue;
      }
      Tree target = usage.tree();
      switch (usage.kind()) {
        case LOOP_DECLARATION:
          if (!iteratesSchema(target)) {
            return false;
          }
          break;
        case PARAMETER:
          // a parameter declared as a number, an enum or a Literal of fixed choices cannot carry an identifier of its caller's choosing
          if (!(target.parent() instanceof org.sonar.plugins.python.api.tree.Parameter parameter) || parameter.typeAnnotation() == null
            || !RequestSources.isSafeType(parameter.typeAnnotation().expression(), 0)) {
            return false;
          }
          break;
        case COMP_DECLARATION, WITH_INSTANCE:
          return false;
        case ASSIGNMENT_LHS:
          if (target.parent() instanceof ExpressionList list && list.expressions().size() == 1 && list.parent() instanceof AssignmentStatement assignment) {
            if (!isFixed(assignment.assignedValue(), depth + 1)) {
              return false;
            }
          } else if (ValueResolver.singleAssignedValue(name).filter(v -> isFixed(v, depth + 1)).isEmpty()) {
            return false;
          }
          break;
        case COMPOUND_ASSIGNMENT_LHS:
          if (target.parent() instanceof CompoundAssignmentStatement compound && !isFixed(compound.rhsExpression(), depth + 1)) {
            return false;
          }
          break;
        default:
          break;
      }
    }
    return true;
  }

  /**
   * True for the variable of a loop over the database schema as the program declares or finds it:
   * {@code for table in reversed(Base.metadata.sorted_tables)}, {@code for name in inspect(conn).get_table_names()}.
   */
  private static boolean iteratesSchema(Tree loopVariable) {
    Tree tree = loopVariable.parent();
    for (int i = 0; i < 3 && tree != null && !(tree instanceof org.sonar.plugins.python.api.tree.ForStatement); i++) {
      tree = tree.parent();
    }
    if (!(tree instanceof org.sonar.plugins.python.api.tree.ForStatement loop) || loop.testExpressions().size() != 1) {
      return false;
    }
    return isSchema(loop.testExpressions().get(0), 0);
  }

  private static boolean isSchemaLoopVariable(Name name) {
    SymbolV2 symbol = name.symbolV2();
    if (symbol == null) {
      return false;
    }
    List<UsageV2> bindings = symbol.usages().stream().filter(UsageV2::isBindingUsage).toList();
    return bindings.size() == 1 && bindings.get(0).kind() == UsageV2.Kind.LOOP_DECLARATION && iteratesSchema(bindings.get(0).tree());
  }

  private static boolean isSchema(Expression expression, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    if (depth > 3) {
      return false;
    }
    if (expr instanceof Name name) {
      return ValueResolver.singleAssignedValue(name).filter(v -> isSchema(v, depth + 1)).isPresent();
    }
    if (expr instanceof QualifiedExpression attribute && Trees.skipParentheses(attribute.qualifier()) instanceof Name table
      && isSchemaLoopVariable(table)) {
      // for column in table.primary_key / table.columns, inside a loop over the schema
      return true;
    }
    if (expr instanceof QualifiedExpression attribute) {
      String owner = Trees.skipParentheses(attribute.qualifier()) instanceof QualifiedExpression q ? q.name().name()
        : Trees.skipParentheses(attribute.qualifier()) instanceof Name n ? n.name() : "";
      return ("sorted_tables".equals(attribute.name().name()) || "tables".equals(attribute.name().name()))
        && owner.toLowerCase(Locale.ROOT).endsWith("metadata");
    }
    if (expr instanceof CallExpression call) {
      Optional<String> name = Fqns.calleeName(call);
      if (name.filter(n -> n.equals("get_table_names") || n.equals("get_view_names")).isPresent()) {
        return true;
      }
      if (name.filter(n -> n.equals("values") || n.equals("keys")).isPresent() && call.callee() instanceof QualifiedExpression method) {
        return isSchema(method.qualifier(), depth + 1);
      }
      if (name.filter(n -> n.equals("reversed") || n.equals("sorted") || n.equals("list") || n.equals("tuple")).isPresent()
        && call.callee() instanceof Name && call.arguments().size() == 1
        && call.arguments().get(0) instanceof org.sonar.plugins.python.api.tree.RegularArgument argument) {
        return isSchema(argument.expression(), depth + 1);
      }
    }
    return false;
  }

  /** {@code TABLE}, {@code USERS_TABLE}: constants by convention. */
  private static boolean isConstantName(String name) {
    return name.length() > 1 && name.equals(name.toUpperCase(Locale.ROOT)) && name.chars().anyMatch(Character::isLetter);
  }
}
