/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.checks;

import org.backendreview.semantics.project.CodeRoles;
import org.backendreview.semantics.project.CodeScope;
import org.sonar.plugins.python.api.PythonSubscriptionCheck;

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

  @Override
  public final void initialize(Context context) {
    CodeScope scope = codeScope();
    register((kind, consumer) -> context.registerSyntaxNodeConsumer(kind, ctx -> {
      if (scope.includes(CodeRoles.at(ctx, ctx.syntaxNode()))) {
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
    for (Class<?> c = checkClass; c != null; c = c.getSuperclass()) {
      ReportsIn declared = c.getAnnotation(ReportsIn.class);
      if (declared != null) {
        return declared.value();
      }
    }
    return RuleFamily.find(checkClass).map(RuleFamily::codeScope).orElse(CodeScope.PRODUCT);
  }
}
