/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verifier itself must fail on a missing or an extra issue, naming the file and line. */
class CheckVerifierTest {

  /** Reports every call to print(), with a secondary on its argument. */
  static class PrintCheck extends PythonSubscriptionCheck {
    @Override
    public void initialize(Context context) {
      context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, ctx -> {
        CallExpression call = (CallExpression) ctx.syntaxNode();
        if (call.callee().firstToken().value().equals("print")) {
          var issue = ctx.addIssue(call.callee(), "No print");
          if (!call.arguments().isEmpty()) {
            issue.secondary(call.arguments().get(0), "argument");
          }
        }
      });
    }
  }

  @TempDir
  Path dir;

  @Test
  void passes_when_annotations_match() throws IOException {
    CheckVerifier.verify(write("ok.py", """
      def f():
          print(1)  # Noncompliant {{No print}}
      #   ^^^^^
      #         ^@-1< {{argument}}
          log(1)
      """), new PrintCheck());
  }

  @Test
  void fails_on_a_missing_issue() throws IOException {
    String file = write("missing.py", """
      print(1)
      print(2)  # Noncompliant
      x = 1  # Noncompliant
      """);
    assertThatThrownBy(() -> CheckVerifier.verify(file, new PrintCheck()))
      .isInstanceOf(AssertionError.class)
      .hasMessageContaining("missing.py")
      .hasMessageContaining("001")
      .hasMessageContaining("003");
  }

  @Test
  void fails_on_a_wrong_message() throws IOException {
    String file = write("message.py", "print(1)  # Noncompliant {{Other message}}\n");
    assertThatThrownBy(() -> CheckVerifier.verify(file, new PrintCheck())).isInstanceOf(AssertionError.class).hasMessageContaining("No print");
  }

  @Test
  void verify_no_issue() throws IOException {
    CheckVerifier.verifyNoIssue(write("clean.py", "log(1)\n"), new PrintCheck());
    String dirty = write("dirty.py", "print(1)\n");
    assertThatThrownBy(() -> CheckVerifier.verifyNoIssue(dirty, new PrintCheck())).isInstanceOf(AssertionError.class);
  }

  @Test
  void issue_locations() throws IOException {
    assertThat(CheckVerifier.issueLocations(List.of(write("loc.py", "x = 1\nprint(1)\n")), new PrintCheck())).containsExactly("loc.py:2");
  }

  private String write(String name, String code) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, code);
    return file.toString();
  }
}
