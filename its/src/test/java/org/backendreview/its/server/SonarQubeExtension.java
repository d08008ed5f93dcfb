/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the one {@link SonarQubeServer} of the test JVM: started by the first class that asks for it,
 * closed (stopped, cleaned up) when the whole run ends, whatever the outcome, through JUnit's root store. A failed
 * start is remembered, so the next classes fail at once with the same cause instead of trying again.
 * <p>
 * Use with {@code @ExtendWith(SonarQubeExtension.class)} and a {@code SonarQubeServer} parameter in {@code @BeforeAll}
 * or in test methods.
 */
public final class SonarQubeExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SonarQubeExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == SonarQubeServer.class;
  }

  @Override
  public SonarQubeServer resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return server(extensionContext);
  }

  static SonarQubeServer server(ExtensionContext context) {
    Holder holder = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Holder.class, k -> Holder.start(), Holder.class);
    if (holder.failure != null) {
      throw new IllegalStateException("SonarQube failed to start earlier in this run: " + holder.failure, holder.failure);
    }
    return holder.server;
  }

  /** Closed by JUnit at the end of the run (AutoCloseable values of the root store). */
  static final class Holder implements AutoCloseable {
    private final SonarQubeServer server;
    private final RuntimeException failure;

    private Holder(SonarQubeServer server, RuntimeException failure) {
      this.server = server;
      this.failure = failure;
    }

    static Holder start() {
      try {
        return new Holder(SonarQubeServer.start(), null);
      } catch (RuntimeException e) {
        return new Holder(null, e);
      }
    }

    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
