/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks;

import javax.annotation.Nullable;
import org.backendreview.semantics.project.CodeRoles;
import org.backendreview.semantics.project.CodeRoles.FileRoles;
import org.backendreview.semantics.project.CodeScope;
import org.sonar.plugins.python.api.PythonFile;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * The base of every check: the one gate that applies a rule's {@link CodeScope} (where it reports: see
 * {@link org.backendreview.semantics.project.CodeRole}). A check registers its consumers in {@link #register}; each
 * consumer runs only on nodes whose code role the rule's scope includes (the file's role, or {@code TOOLING} inside a
 * product module's {@code if __name__ == "__main__":} block). The scope is declared once, per family
 * ({@link RuleFamily#codeScope()}) or per rule ({@link ReportsIn}).
 * <p>
 * Limit: the gate looks at the node a consumer is called on; a consumer of the whole file ({@code FILE_INPUT}) runs in
 * every file of an included role and may report inside a {@code __main__} block.
 */
public abstract class BackendReviewCheck extends PythonSubscriptionCheck {

  /** The roles of the file this check instance analyses now, read once per file (at its root) from its analysis context. */
  private record CurrentFile(@Nullable PythonFile file, FileRoles roles, Gate gate) {
  }

  /** What the scope says of a whole file: every node passes, none does, or it depends on the node's line. */
  private enum Gate {
    ALL, NONE, PER_LINE;

    static Gate of(CodeScope scope, FileRoles roles) {
      if (!roles.mainBlocks().isEmpty()) {
        return PER_LINE;
      }
      return scope.includes(roles.role()) ? ALL : NONE;
    }
  }

  private static final ClassValue<CodeScope> DECLARED_SCOPES = new ClassValue<>() {
    @Override
    protected CodeScope computeValue(Class<?> checkClass) {
      for (Class<?> c = checkClass; c != null; c = c.getSuperclass()) {
        ReportsIn declared = c.getAnnotation(ReportsIn.class);
        if (declared != null) {
          return declared.value();
        }
      }
      return RuleFamily.find(checkClass).map(RuleFamily::codeScope).orElse(CodeScope.PRODUCT);
    }
  };

  @Nullable
  private CurrentFile current;

  @Override
  public final void initialize(Context context) {
    CodeScope scope = codeScope();
    // registered first: the root is visited before any other node, and its consumers run in registration order
    context.registerSyntaxNodeConsumer(Tree.Kind.FILE_INPUT, ctx -> {
      FileRoles roles = CodeRoles.roles(ctx);
      current = new CurrentFile(ctx.pythonFile(), roles, Gate.of(scope, roles));
    });
    register((kind, consumer) -> context.registerSyntaxNodeConsumer(kind, ctx -> {
      CurrentFile file = current;
      FileRoles roles;
      if (file != null && file.file() != null && file.file() == ctx.pythonFile()) {
        // the common case: the file's role decides for every node, no need to find the node's line
        if (file.gate() != Gate.PER_LINE) {
          if (file.gate() == Gate.ALL) {
            consumer.accept(ctx);
          }
          return;
        }
        roles = file.roles();
      } else {
        // another thread's file, or a node visited without its root: ask the file's context
        roles = CodeRoles.roles(ctx);
      }
      Token first = ctx.syntaxNode().firstToken();
      if (scope.includes(roles.at(first == null ? 0 : first.line()))) {
        consumer.accept(ctx);
      }
    }));
  }

  /** Registers the check's consumers (what {@code initialize} is for a plain subscription check). */
  protected abstract void register(Context context);

  /** Where this rule reports (per file analysis; a rule parameter may widen it). */
  protected CodeScope codeScope() {
    return scopeOf(getClass());
  }

  /** The declared scope of a check class: its {@link ReportsIn}, else its family's, else {@link CodeScope#PRODUCT}. */
  public static CodeScope scopeOf(Class<?> checkClass) {
    // initialize runs once per file and check: the annotations are read once per class
    return DECLARED_SCOPES.get(checkClass);
  }
}
