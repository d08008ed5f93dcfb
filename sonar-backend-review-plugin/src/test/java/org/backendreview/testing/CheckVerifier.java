/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.sonar.plugins.python.api.IssueLocation;
import org.sonar.plugins.python.api.PythonCheck;
import org.sonar.plugins.python.api.PythonCheck.PreciseIssue;
import org.sonar.plugins.python.api.PythonVisitorContext;
import org.sonar.plugins.python.api.tree.Token;
import org.sonar.plugins.python.api.tree.Tree;
import org.sonar.plugins.python.api.tree.Trivia;
import org.sonarsource.analyzer.commons.checks.verifier.MultiFileVerifier;

/**
 * Verifies a check against sample files annotated the SonarSource way:
 * <ul>
 *   <li>{@code # Noncompliant}, {@code # Noncompliant 2}, {@code # Noncompliant@+1}, {@code # Noncompliant {{message}}}</li>
 *   <li>a precise primary location on the next comment line: {@code #   ^^^^}</li>
 *   <li>secondary locations: {@code #   ^^^< {{message}}} (belongs to the previous primary) or {@code ^^^>} (to the
 *   next); flow locations are verified as secondary locations too</li>
 * </ul>
 * It is strict: a missing or an unexpected issue fails with the file and line. Several files are analysed as one
 * project (a shared symbol table), so types defined in one file resolve in another; every file's annotations are
 * verified. Quick fixes are verified separately with {@link QuickFixVerifier}.
 */
public final class CheckVerifier {

  private CheckVerifier() {
  }

  public static void verify(String path, PythonCheck check) {
    verify(List.of(path), check);
  }

  /** Verifies the annotations of all files, analysed together as one project. */
  public static void verify(List<String> paths, PythonCheck check) {
    verifier(paths, check).assertOneOrMoreIssues();
  }

  /** Verifies that the check raises nothing on the files (and that they carry no {@code Noncompliant} comment). */
  public static void verifyNoIssue(String path, PythonCheck check) {
    verifyNoIssue(List.of(path), check);
  }

  public static void verifyNoIssue(List<String> paths, PythonCheck check) {
    verifier(paths, check).assertNoIssues();
  }

  /** The raw issues raised on the files, in file order. */
  public static List<PreciseIssue> issues(List<String> paths, PythonCheck check) {
    return PythonProject.of(paths).scan(check).values().stream().flatMap(c -> c.getIssues().stream()).toList();
  }

  /** "file-name:line" of every issue raised on the files, in file order, for assertions on where a check fires. */
  public static List<String> issueLocations(List<String> paths, PythonCheck check) {
    return PythonProject.of(paths).scan(check).entrySet().stream()
      .flatMap(e -> e.getValue().getIssues().stream().map(i -> e.getKey().getFileName() + ":" + i.primaryLocation().startLine()))
      .toList();
  }

  private static MultiFileVerifier verifier(List<String> paths, PythonCheck check) {
    PythonProject project = PythonProject.of(paths);
    Map<Path, PythonVisitorContext> contexts = project.scan(check);
    MultiFileVerifier verifier = MultiFileVerifier.create(project.files().get(0).toPath(), StandardCharsets.UTF_8).withoutQuickFixes();
    for (Map.Entry<Path, PythonVisitorContext> entry : contexts.entrySet()) {
      Path path = entry.getKey();
      PythonVisitorContext context = entry.getValue();
      addComments(verifier, path, context.rootTree());
      for (PreciseIssue issue : context.getIssues()) {
        report(verifier, path, contexts, issue);
      }
    }
    return verifier;
  }

  private static void report(MultiFileVerifier verifier, Path path, Map<Path, PythonVisitorContext> contexts, PreciseIssue issue) {
    IssueLocation primary = issue.primaryLocation();
    MultiFileVerifier.IssueBuilder builder = verifier.reportIssue(path, primary.message());
    MultiFileVerifier.Issue reported;
    if (primary.startLine() == IssueLocation.UNDEFINED_LINE) {
      reported = builder.onFile();
    } else if (primary.startLineOffset() == IssueLocation.UNDEFINED_OFFSET) {
      reported = builder.onLine(primary.startLine());
    } else {
      reported = builder.onRange(primary.startLine(), primary.startLineOffset() + 1, primary.endLine(), primary.endLineOffset());
    }
    if (issue.cost() != null) {
      reported.withGap(issue.cost().doubleValue());
    }
    for (IssueLocation secondary : issue.secondaryLocations()) {
      addSecondary(reported, path, contexts, secondary);
    }
    for (PythonCheck.IssueFlow flow : issue.flows()) {
      for (IssueLocation location : flow.locations()) {
        addSecondary(reported, path, contexts, location);
      }
    }
  }

  private static void addSecondary(MultiFileVerifier.Issue reported, Path path, Map<Path, PythonVisitorContext> contexts, IssueLocation location) {
    Path locationPath = path;
    String fileId = location.fileId();
    if (fileId != null) {
      for (Path candidate : contexts.keySet()) {
        PythonVisitorContext context = contexts.get(candidate);
        if (fileId.equals(context.pythonFile().key()) || candidate.toString().equals(fileId) || candidate.toUri().toString().equals(fileId)) {
          locationPath = candidate;
        }
      }
    }
    reported.addSecondary(locationPath, location.startLine(), location.startLineOffset() + 1, location.endLine(), location.endLineOffset(),
      location.message());
  }

  /** Feeds every comment to the verifier in document order (the order matters for {@code ^^^} lines). */
  private static void addComments(MultiFileVerifier verifier, Path path, Tree root) {
    Deque<Tree> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Tree current = stack.pop();
      if (current instanceof Token token) {
        for (Trivia trivia : token.trivia()) {
          Token comment = trivia.token();
          verifier.addComment(path, comment.line(), comment.column() + 1, trivia.value(), 1, 0);
        }
      }
      List<Tree> children = current.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        if (children.get(i) != null) {
          stack.push(children.get(i));
        }
      }
    }
  }
}
