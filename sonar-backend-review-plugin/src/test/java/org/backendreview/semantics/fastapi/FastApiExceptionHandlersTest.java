/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.fastapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.backendreview.testing.Analysis;
import org.backendreview.tree.Trees;
import org.backendreview.tree.ValueResolver;
import org.junit.jupiter.api.Test;
import org.sonar.plugins.python.api.tree.AssignmentStatement;
import org.sonar.plugins.python.api.tree.CallExpression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.Tree;

import static org.assertj.core.api.Assertions.assertThat;

class FastApiExceptionHandlersTest {

  @Test
  void handlers_of_applications_created_in_the_module() {
    String code = """
      from fastapi import FastAPI
      from fastapi.middleware.cors import CORSMiddleware
      from app.setup import configure, Custom

      class Boom(Exception):
          pass

      plain = FastAPI()
      decorated = FastAPI(exception_handlers={KeyError: None})
      handed = FastAPI()
      wrapped = FastAPI()
      cors = FastAPI()

      @decorated.exception_handler(Boom)
      def on_boom(request, exc):
          pass

      decorated.add_exception_handler(404, on_boom)
      configure(handed)
      wrapped.add_middleware(Custom)
      cors.add_middleware(CORSMiddleware)
      """;
    List<String> results = new ArrayList<>();
    Analysis.onEach("app/main.py", code, Tree.Kind.ASSIGNMENT_STMT, (tree, ctx) -> {
      AssignmentStatement assignment = (AssignmentStatement) tree;
      if (FastApiExceptionHandlers.isAppCreation(assignment.assignedValue())) {
        FastApiExceptionHandlers handlers = FastApiExceptionHandlers.of((FileInput) Trees.firstAncestor(tree, Tree.Kind.FILE_INPUT), new ValueResolver(), ctx);
        Optional<Set<String>> handled = handlers.handledBy((CallExpression) assignment.assignedValue());
        results.add(handled.map(h -> new TreeSet<>(h).toString()).orElse("?"));
      }
    });
    assertThat(results).containsExactly("[]", "[KeyError, main.Boom]", "?", "?", "[]");
  }
}
