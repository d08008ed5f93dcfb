/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import org.backendreview.semantics.alembic.RevisionGraph;
import org.backendreview.semantics.django.MigrationGraph;
import org.backendreview.tree.Trees;
import org.sonar.plugins.python.api.PythonFile;
import org.sonar.plugins.python.api.SubscriptionContext;
import org.sonar.plugins.python.api.tree.BinaryExpression;
import org.sonar.plugins.python.api.tree.Expression;
import org.sonar.plugins.python.api.tree.FileInput;
import org.sonar.plugins.python.api.tree.IfStatement;
import org.sonar.plugins.python.api.tree.Name;
import org.sonar.plugins.python.api.tree.Statement;
import org.sonar.plugins.python.api.tree.StringLiteral;
import org.sonar.plugins.python.api.tree.Tree;

/**
 * The one notion of production code: the {@link CodeRole} of each file (and of the {@code __main__} block of a product
 * module), decided once per file and cached by the file's tree (a new tree, e.g. SonarLint re-analysing an edited
 * buffer, is classified again).
 * <p>
 * <b>Default</b>, by the directories of the file's path relative to the project (SonarQube: the file key's
 * project-relative path; the standalone scanner: its path relative to the scanned directory; SonarLint and tests: the
 * path below the nearest directory holding {@code .git}, else the topmost holding {@code pyproject.toml},
 * {@code setup.py} or {@code setup.cfg}; with none, only the file name counts), and by content, first match wins:
 * <ol>
 *   <li>an override of the nearest {@code pyproject.toml} ({@link RoleOverrides});</li>
 *   <li>{@link CodeRole#NOT_CODE}: a directory starting with a dot ({@code .github}, {@code .semgrep}), {@code docs},
 *   {@code doc}, {@code examples}, {@code example}, {@code docs_src}, {@code i18n}, {@code terraform},
 *   {@code testdata}, {@code test_data}; a linter's test data: a file with {@code # ruleid:}, {@code # todoruleid:} or
 *   {@code # todook:} comments, or two {@code # ok: <rule-id>} comments;</li>
 *   <li>{@link CodeRole#TOOLING}: a directory {@code scripts}, {@code script}, {@code tools}, {@code dev},
 *   {@code docker}, {@code deploy}, {@code deployment}, {@code sandbox}, {@code demo}, a directory starting with
 *   {@code smoke} (smoke tests), {@code management/commands}; the files {@code setup.py}, {@code manage.py},
 *   {@code fabfile.py}, {@code noxfile.py}, {@code conftest.py}; a django-extensions job (imports
 *   {@code django_extensions.management.jobs});</li>
 *   <li>{@link CodeRole#HISTORY}: a Django migration another migration of its app depends on or replaces
 *   ({@link MigrationGraph}), an Alembic revision that is a sibling's {@code down_revision} or a sqlalchemy-migrate
 *   script with a higher-numbered sibling ({@link RevisionGraph});</li>
 *   <li>else {@link CodeRole#PRODUCT}. {@code tasks.py}, {@code commands.py}, {@code django/contrib} are product.</li>
 * </ol>
 * In a product module, the body of a top-level {@code if __name__ == "__main__":} is {@link CodeRole#TOOLING}
 * ({@link #at}). Test files are not a role: SonarPython's sensor already routes them to test-scope rules.
 */
public final class CodeRoles {

  private static final Set<String> NOT_CODE_DIRS = Set.of("docs", "doc", "examples", "example", "docs_src", "i18n", "terraform", "testdata",
    "test_data");
  private static final Set<String> TOOLING_DIRS = Set.of("scripts", "script", "tools", "dev", "docker", "deploy", "deployment", "sandbox",
    "demo");
  private static final Set<String> TOOLING_FILES = Set.of("setup.py", "manage.py", "fabfile.py", "noxfile.py", "conftest.py");
  private static final Pattern RULE_ANNOTATION = Pattern.compile("(?m)^\\s*(?:.*\\s)?#\\s*(?:ruleid|todoruleid|todook)\\s*:");
  private static final Pattern OK_ANNOTATION = Pattern.compile("(?m)#\\s*ok\\s*:\\s*[\\w.\\-]+\\s*$");
  private static final Pattern EXTENSIONS_JOB = Pattern.compile("django_extensions\\.management\\.jobs");
  private static final List<String> ROOT_MARKERS = List.of("pyproject.toml", "setup.py", "setup.cfg");
  private static final int MAX_DEPTH = 40;

  private static final AnalysisContext.Key<FileRoles> ROLES = AnalysisContext.Key.of("code roles");

  /** The role of a file and the line ranges of its {@code __main__} blocks. */
  public record FileRoles(CodeRole role, List<int[]> mainBlocks) {
    /** The role of the code at this line. */
    public CodeRole at(int line) {
      if (role == CodeRole.PRODUCT) {
        for (int[] block : mainBlocks) {
          if (line >= block[0] && line <= block[1]) {
            return CodeRole.TOOLING;
          }
        }
      }
      return role;
    }
  }

  private CodeRoles() {
  }

  /** The role of the file being analysed. */
  public static CodeRole of(SubscriptionContext ctx) {
    return roles(ctx).role();
  }

  /** The role of the code at this node: the file's, or {@link CodeRole#TOOLING} in a product module's {@code __main__} block. */
  public static CodeRole at(SubscriptionContext ctx, Tree node) {
    return roles(ctx).at(node.firstToken() == null ? 0 : node.firstToken().line());
  }

  /** The roles of the file being analysed, computed once per tree (a fact of the file's {@link AnalysisContext}). */
  public static FileRoles roles(SubscriptionContext ctx) {
    FileInput file = fileInput(ctx.syntaxNode());
    if (file == null) {
      return new FileRoles(classify(ctx.pythonFile()), List.of());
    }
    return AnalysisContext.of(file).fact(ROLES, c -> {
      CodeRole role = classify(ctx.pythonFile());
      return new FileRoles(role, role == CodeRole.PRODUCT ? mainBlocks(file) : List.of());
    });
  }

  @Nullable
  private static FileInput fileInput(@Nullable Tree node) {
    Tree current = node;
    while (current != null && !(current instanceof FileInput)) {
      current = current.parent();
    }
    return (FileInput) current;
  }

  /** The role of a file, from its path, its content and the project's overrides. */
  public static CodeRole classify(PythonFile file) {
    Optional<Path> absolute = absolutePath(file);
    String content;
    try {
      content = file.content();
    } catch (RuntimeException e) {
      content = "";
    }
    return classify(relativePath(file, absolute.orElse(null)), absolute.orElse(null), content);
  }

  static CodeRole classify(String relativePath, @Nullable Path absolute, String content) {
    if (absolute != null) {
      Optional<CodeRole> overridden = RoleOverrides.nearest(absolute).flatMap(o -> o.roleOf(absolute));
      if (overridden.isPresent()) {
        return overridden.get();
      }
    }
    String[] segments = relativePath.replace('\\', '/').split("/");
    String fileName = segments[segments.length - 1];
    List<String> dirs = new ArrayList<>();
    for (int i = 0; i < segments.length - 1; i++) {
      if (!segments[i].isEmpty()) {
        dirs.add(segments[i].toLowerCase(Locale.ROOT));
      }
    }
    if (dirs.stream().anyMatch(d -> (d.startsWith(".") && !".".equals(d) && !"..".equals(d)) || NOT_CODE_DIRS.contains(d))
      || isLinterTestData(content)) {
      return CodeRole.NOT_CODE;
    }
    if (dirs.stream().anyMatch(d -> TOOLING_DIRS.contains(d) || d.startsWith("smoke")) || isManagementCommand(dirs)
      || TOOLING_FILES.contains(fileName) || EXTENSIONS_JOB.matcher(content).find()) {
      return CodeRole.TOOLING;
    }
    if (absolute != null && isHistory(absolute, content)) {
      return CodeRole.HISTORY;
    }
    return CodeRole.PRODUCT;
  }

  private static boolean isHistory(Path absolute, String content) {
    if (MigrationGraph.isMigration(absolute, content)) {
      return MigrationGraph.isDependedOn(absolute);
    }
    return RevisionGraph.isHistory(absolute, content);
  }

  private static boolean isManagementCommand(List<String> dirs) {
    for (int i = 0; i + 1 < dirs.size(); i++) {
      if ("management".equals(dirs.get(i)) && "commands".equals(dirs.get(i + 1))) {
        return true;
      }
    }
    return false;
  }

  static boolean isLinterTestData(String content) {
    // the regular expressions run only when the cheap scans find what they require (they cost a few percent of a
    // scan when run over every file's text)
    if (content.contains("ruleid") || content.contains("todook")) {
      if (RULE_ANNOTATION.matcher(content).find()) {
        return true;
      }
    }
    if (okMarkers(content) < 2) {
      return false;
    }
    var ok = OK_ANNOTATION.matcher(content);
    return ok.find() && ok.find();
  }

  /** The number of {@code #}, blanks, {@code ok}, blanks, {@code :} sequences in the text, counting up to 2. */
  private static int okMarkers(String content) {
    int count = 0;
    for (int hash = content.indexOf('#'); hash >= 0 && count < 2; hash = content.indexOf('#', hash + 1)) {
      int i = skipBlanks(content, hash + 1);
      if (content.startsWith("ok", i) && skipBlanks(content, i + 2) < content.length() && content.charAt(skipBlanks(content, i + 2)) == ':') {
        count++;
      }
    }
    return count;
  }

  private static int skipBlanks(String content, int from) {
    int i = from;
    while (i < content.length() && Character.isWhitespace(content.charAt(i))) {
      i++;
    }
    return i;
  }

  private static Optional<Path> absolutePath(PythonFile file) {
    try {
      URI uri = file.uri();
      if (uri != null && "file".equals(uri.getScheme())) {
        return Optional.of(Path.of(uri).toAbsolutePath().normalize());
      }
      String key = file.key();
      if (key != null && key.startsWith("/")) {
        return Optional.of(Path.of(key));
      }
    } catch (RuntimeException e) {
      // not a local file
    }
    return Optional.empty();
  }

  /** The path of the file relative to its project (see the class comment), with '/' separators. */
  static String relativePath(PythonFile file, @Nullable Path absolute) {
    String key = file.key() == null ? "" : file.key().replace('\\', '/');
    String absoluteText = absolute == null ? null : absolute.toString().replace('\\', '/');
    boolean keyIsAbsolute = key.startsWith("/") || key.startsWith("file:") || key.matches("^[A-Za-z]:/.*");
    if (!keyIsAbsolute && !key.isEmpty()) {
      if (absoluteText == null || absoluteText.endsWith("/" + key)) {
        return key;
      }
      for (int colon = key.indexOf(':'); colon >= 0; colon = key.indexOf(':', colon + 1)) {
        String relative = key.substring(colon + 1);
        if (!relative.isEmpty() && absoluteText.endsWith("/" + relative)) {
          return relative;
        }
      }
    }
    if (absolute == null) {
      return file.fileName();
    }
    Path root = projectRoot(absolute);
    return root == null ? file.fileName() : root.relativize(absolute).toString().replace('\\', '/');
  }

  @Nullable
  private static Path projectRoot(Path absolute) {
    Path topmost = null;
    Path dir = absolute.getParent();
    for (int depth = 0; dir != null && depth < MAX_DEPTH; depth++, dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir;
      }
      for (String marker : ROOT_MARKERS) {
        if (Files.isRegularFile(dir.resolve(marker))) {
          topmost = dir;
          break;
        }
      }
    }
    return topmost;
  }

  /** The line ranges of the bodies of the module's top-level {@code if __name__ == "__main__":} statements. */
  static List<int[]> mainBlocks(FileInput file) {
    List<int[]> blocks = new ArrayList<>();
    if (file.statements() == null) {
      return blocks;
    }
    for (Statement statement : file.statements().statements()) {
      if (statement instanceof IfStatement ifStatement && isMainGuard(ifStatement.condition())) {
        int first = ifStatement.firstToken().line();
        int last = ifStatement.body().lastToken() == null ? first : ifStatement.body().lastToken().line();
        blocks.add(new int[] {first, last});
      }
    }
    return blocks;
  }

  private static boolean isMainGuard(Expression condition) {
    Expression expression = Trees.skipParentheses(condition);
    if (!(expression instanceof BinaryExpression binary) || !binary.is(Tree.Kind.COMPARISON) || !"==".equals(binary.operator().value())) {
      return false;
    }
    return isName(binary.leftOperand()) && isMainString(binary.rightOperand()) || isName(binary.rightOperand()) && isMainString(binary.leftOperand());
  }

  private static boolean isName(Expression expression) {
    return expression instanceof Name name && "__name__".equals(name.name());
  }

  private static boolean isMainString(Expression expression) {
    return expression instanceof StringLiteral string && "__main__".equals(string.trimmedQuotesValue());
  }
}
