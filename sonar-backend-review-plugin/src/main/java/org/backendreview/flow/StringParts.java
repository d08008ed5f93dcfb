/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backendreview.tree.Arguments;
import org.backendreview.tree.Fqns;
import org.backendreview.tree.Literals;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FormattedExpression;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.QualifiedExpression;
import org.sonar.plugins.python.api.tree.StringElement;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * A string-building expression split into its literal text and its interpolated values, in order: f-strings,
 * {@code +}, {@code "..." % args}, {@code "...".format(args)}, through local variables assigned once (up to
 * {@value #MAX_DEPTH} levels). What cannot be split is one value.
 */
public final class StringParts {

  private static final Pattern PERCENT_SPEC = Pattern.compile("%(\\(\\w+\\))?[-#0 +]*\\d*(\\.\\d+)?[sdrifxXeEgGc]");
  private static final Pattern FORMAT_FIELD = Pattern.compile("\\{([^{}]*)}");
  private static final int MAX_DEPTH = 3;

  /** Literal text ({@code value} null) or an interpolated value ({@code text} null). */
  public record Part(String text, Expression value) {
    static Part text(String text) {
      return new Part(text, null);
    }

    static Part value(Expression value) {
      return new Part(null, value);
    }

    public boolean isText() {
      return value == null;
    }
  }

  private StringParts() {
  }

  /** The parts of the expression. */
  public static List<Part> of(Expression expression) {
    return parts(expression, 0);
  }

  private static List<Part> parts(Expression expression, int depth) {
    Expression expr = Trees.skipParentheses(expression);
    List<Part> result = new ArrayList<>();
    if (expr instanceof StringLiteral literal) {
      for (StringElement element : literal.stringElements()) {
        if (element.isInterpolated()) {
          fStringParts(element, result);
        } else {
          result.add(Part.text(element.trimmedQuotesValue()));
        }
      }
      return result;
    }
    if (expr.is(Tree.Kind.PLUS)) {
      BinaryExpression plus = (BinaryExpression) expr;
      result.addAll(parts(plus.leftOperand(), depth));
      result.addAll(parts(plus.rightOperand(), depth));
      return result;
    }
    if (expr.is(Tree.Kind.MODULO)) {
      BinaryExpression modulo = (BinaryExpression) expr;
      Optional<String> format = Literals.stringValue(modulo.leftOperand());
      if (format.isPresent()) {
        List<Expression> arguments = Literals.collectionElements(modulo.rightOperand()).orElse(List.of(modulo.rightOperand()));
        return interleave(format.get(), PERCENT_SPEC.matcher(format.get()), arguments, modulo.rightOperand());
      }
    }
    if (expr instanceof CallExpression call && call.callee() instanceof QualifiedExpression method && "format".equals(method.name().name())) {
      Optional<String> format = Literals.stringValue(method.qualifier());
      if (format.isPresent() && !Arguments.hasUnpacking(call)) {
        List<Expression> arguments = new ArrayList<>();
        Matcher fields = FORMAT_FIELD.matcher(format.get());
        int position = 0;
        while (fields.find()) {
          String field = fields.group(1).split("[.\\[!:]", 2)[0];
          Optional<Expression> argument = field.isEmpty() ? Arguments.positional(call, position++).map(a -> a.expression())
            : field.chars().allMatch(Character::isDigit) ? Arguments.positional(call, Integer.parseInt(field)).map(a -> a.expression())
            : Arguments.keyword(call, field).map(a -> a.expression());
          if (argument.isEmpty()) {
            return List.of(Part.value(expr));
          }
          arguments.add(argument.get());
        }
        return interleave(format.get(), FORMAT_FIELD.matcher(format.get()), arguments, expr);
      }
    }
    if (expr instanceof Name name && depth < MAX_DEPTH) {
      Optional<Expression> value = ValueResolver.singleAssignedValue(name);
      if (value.isPresent() && isStringBuilding(value.get())) {
        return parts(value.get(), depth + 1);
      }
    }
    result.add(Part.value(expr));
    return result;
  }

  private static boolean isStringBuilding(Expression expression) {
    Expression expr = Trees.skipParentheses(expression);
    return expr.is(Tree.Kind.STRING_LITERAL, Tree.Kind.PLUS, Tree.Kind.MODULO)
      || expr instanceof CallExpression call && Fqns.calleeName(call).filter("format"::equals).isPresent();
  }

  private static List<Part> interleave(String format, Matcher specs, List<Expression> arguments, Expression whole) {
    List<Part> result = new ArrayList<>();
    int last = 0;
    int index = 0;
    while (specs.find()) {
      if (index >= arguments.size()) {
        return List.of(Part.text(format.substring(0, specs.start())), Part.value(whole));
      }
      result.add(Part.text(format.substring(last, specs.start())));
      result.add(Part.value(arguments.get(index++)));
      last = specs.end();
    }
    result.add(Part.text(format.substring(last)));
    return result;
  }

  /** Literal text and interpolated expressions of one f-string element, in order. */
  private static void fStringParts(StringElement element, List<Part> result) {
    String text = element.trimmedQuotesValue();
    List<FormattedExpression> expressions = element.formattedExpressions();
    StringBuilder literal = new StringBuilder();
    int index = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{' || c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        literal.append(c);
        i += 2;
      } else if (c == '{') {
        result.add(Part.text(literal.toString()));
        literal.setLength(0);
        if (index < expressions.size()) {
          result.add(Part.value(expressions.get(index++).expression()));
        }
        int nesting = 1;
        i++;
        while (i < text.length() && nesting > 0) {
          nesting += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
          i++;
        }
      } else {
        literal.append(c);
        i++;
      }
    }
    result.add(Part.text(literal.toString()));
  }
}
