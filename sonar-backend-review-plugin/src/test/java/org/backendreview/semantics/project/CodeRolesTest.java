/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backendreview.checks.BackendReviewCheck;
import org.backendreview.testing.Analysis;
import org.backendreview.testing.PythonProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonar.plugins.python.api.tree.Tree;

class CodeRolesTest {

  @TempDir
  Path project;

  private CodeRole role(String relativePath, String content) throws IOException {
    Path file = write(relativePath, content);
    return CodeRoles.classify(relativePath, file, content);
  }

  private Path write(String relativePath, String content) throws IOException {
    Path file = project.resolve(relativePath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void product_by_default() throws IOException {
    assertThat(role("shop/views.py", "x = 1\n")).isEqualTo(CodeRole.PRODUCT);
    assertThat(role("django/contrib/admin/views.py", "")).isEqualTo(CodeRole.PRODUCT);
    assertThat(role("shop/tasks.py", "")).isEqualTo(CodeRole.PRODUCT);
    assertThat(role("shop/commands.py", "")).isEqualTo(CodeRole.PRODUCT);
    assertThat(role("shop/management/__init__.py", "")).isEqualTo(CodeRole.PRODUCT);
    assertThat(role("shop/jobs/cleanup.py", "from celery import shared_task\n")).isEqualTo(CodeRole.PRODUCT);
    assertThat(role("devices/views.py", "")).isEqualTo(CodeRole.PRODUCT);
    assertThat(role("shop/migrations_helpers.py", "")).isEqualTo(CodeRole.PRODUCT);
    assertThat(role("shop/views.py", "# ok: this is fine\n")).isEqualTo(CodeRole.PRODUCT);
  }

  @Test
  void not_code() throws IOException {
    for (String path : List.of(".github/scripts/release.py", ".semgrep/rules/sqli.py", "docs/conf.py", "doc/source/conf.py",
      "examples/app.py", "example/app.py", "docs_src/tutorial/main.py", "myapp/i18n/extract.py", "terraform/lambda/handler.py",
      "tests/testdata/bad.py", "pkg/test_data/bad.py", "Docs/conf.py")) {
      assertThat(role(path, "")).as(path).isEqualTo(CodeRole.NOT_CODE);
    }
    assertThat(role("rules/python/sqli.py", "# ruleid: sql-injection\ncursor.execute(q % x)\n")).isEqualTo(CodeRole.NOT_CODE);
    assertThat(role("rules/python/sqli2.py", "cursor.execute(q % x)  # todoruleid: sqli\n")).isEqualTo(CodeRole.NOT_CODE);
    assertThat(role("rules/python/ok.py", "# ok: sqli\na()\n# ok: sqli\nb()\n")).isEqualTo(CodeRole.NOT_CODE);
  }

  @Test
  void tooling() throws IOException {
    for (String path : List.of("scripts/load.py", "script/load.py", "tools/gen.py", "dev/seed.py", "docker/entry.py", "deploy/hooks.py",
      "deployment/x.py", "shop/management/commands/import_products.py", "sandbox/try.py", "demo/app.py", "smoke_tests/check.py",
      "smoketest/run.py", "setup.py", "pkg/manage.py", "fabfile.py", "noxfile.py", "conftest.py")) {
      assertThat(role(path, "")).as(path).isEqualTo(CodeRole.TOOLING);
    }
    assertThat(role("shop/jobs/daily/cleanup.py", "from django_extensions.management.jobs import DailyJob\n")).isEqualTo(CodeRole.TOOLING);
  }

  @Test
  void django_history_is_a_migration_another_of_its_app_depends_on() throws IOException {
    String initial = "from django.db import migrations\nclass Migration(migrations.Migration):\n    dependencies = []\n";
    write("shop/migrations/0001_initial.py", initial);
    write("shop/migrations/0002_more.py", "from django.db import migrations\nclass Migration(migrations.Migration):\n"
      + "    dependencies = [\n        ('shop', '0001_initial'),  # the previous one\n        ('auth', '0012_alter'),\n    ]\n"
      + "    operations = [migrations.AddField('p', 'c', models.CharField(choices=[('shop', '0002_more')]))]\n");
    assertThat(role("shop/migrations/0001_initial.py", initial)).isEqualTo(CodeRole.HISTORY);
    assertThat(role("shop/migrations/0002_more.py", Files.readString(project.resolve("shop/migrations/0002_more.py")))).isEqualTo(CodeRole.PRODUCT);
    // another app's 0001_initial with the same name: the pair names shop, not blog
    assertThat(role("blog/migrations/0001_initial.py", initial)).isEqualTo(CodeRole.PRODUCT);
  }

  @Test
  void alembic_and_sqlalchemy_migrate_history() throws IOException {
    String base = "revision = 'aaa111'\ndown_revision = None\n\ndef upgrade():\n    pass\n";
    String branch = "revision: str = \"bbb222\"\ndown_revision: Union[str, None] = 'aaa111'\n\ndef upgrade():\n    pass\n";
    String head = "revision = 'ccc333'\ndown_revision = ('bbb222', 'ddd444')\n\ndef upgrade():\n    pass\n";
    String other = "revision = 'ddd444'\ndown_revision = 'aaa111'\n";
    write("alembic/versions/aaa111_base.py", base);
    write("alembic/versions/bbb222_branch.py", branch);
    write("alembic/versions/ccc333_merge.py", head);
    write("alembic/versions/ddd444_other.py", other);
    assertThat(role("alembic/versions/aaa111_base.py", base)).isEqualTo(CodeRole.HISTORY);
    assertThat(role("alembic/versions/bbb222_branch.py", branch)).isEqualTo(CodeRole.HISTORY);
    assertThat(role("alembic/versions/ddd444_other.py", other)).isEqualTo(CodeRole.HISTORY);
    assertThat(role("alembic/versions/ccc333_merge.py", head)).isEqualTo(CodeRole.PRODUCT);

    String script = "def upgrade(migrate_engine):\n    pass\n";
    write("migrate_repo/versions/001_initial.py", script);
    write("migrate_repo/versions/002_add.py", script);
    assertThat(role("migrate_repo/versions/001_initial.py", script)).isEqualTo(CodeRole.HISTORY);
    assertThat(role("migrate_repo/versions/002_add.py", script)).isEqualTo(CodeRole.PRODUCT);
  }

  @Test
  void pyproject_overrides_win_and_product_wins_among_them() throws IOException {
    write("pyproject.toml", """
      [project]
      name = "shop"

      [tool.backend-review]
      rules = "all"
      product = ["scripts/billing/**"]
      tooling = [
        "ops/**",   # run by hand
        "**/oneoff_*.py",
        "scripts/**",
      ]
      not-code = 'rules/**'

      [tool.other]
      product = ["shop/**"]
      """);
    assertThat(role("scripts/billing/run.py", "")).isEqualTo(CodeRole.PRODUCT);
    assertThat(role("scripts/load.py", "")).isEqualTo(CodeRole.TOOLING);
    assertThat(role("ops/x.py", "")).isEqualTo(CodeRole.TOOLING);
    assertThat(role("oneoff_fix.py", "")).isEqualTo(CodeRole.TOOLING);
    assertThat(role("shop/oneoff_fix.py", "")).isEqualTo(CodeRole.TOOLING);
    assertThat(role("rules/sqli.py", "")).isEqualTo(CodeRole.NOT_CODE);
    assertThat(role("shop/views.py", "")).isEqualTo(CodeRole.PRODUCT);
    assertThat(role("docs/conf.py", "")).isEqualTo(CodeRole.NOT_CODE);
  }

  @Test
  void nearest_pyproject_with_the_table_counts() throws IOException {
    write("pyproject.toml", "[tool.backend-review]\ntooling = [\"svc/**\"]\n");
    write("svc/pyproject.toml", "[project]\nname = \"svc\"\n");
    assertThat(role("svc/app.py", "")).isEqualTo(CodeRole.TOOLING);
    write("svc/pyproject.toml", "[tool.backend-review]\nproduct = [\"app.py\"]\n");
    assertThat(role("svc/app.py", "")).isEqualTo(CodeRole.PRODUCT);
  }

  @Test
  void main_block_is_tooling_in_a_product_module() {
    List<String> roles = new ArrayList<>();
    Analysis.onEach("shop/views.py", """
      def view():
          return compute()

      if __name__ == "__main__":
          print(compute())
      """, Tree.Kind.CALL_EXPR, (node, ctx) -> roles.add(node.firstToken().value() + ":" + CodeRoles.at(ctx, node)));
    assertThat(roles).containsExactly("compute:PRODUCT", "print:TOOLING", "compute:TOOLING");
  }

  @Test
  void relative_path_from_a_sonarqube_key_a_cli_key_or_the_project_root() throws IOException {
    Path file = write("scripts/load.py", "");
    Files.createDirectories(project.resolve(".git"));
    assertThat(CodeRoles.relativePath(pythonFile("proj:scripts/load.py", file), file)).isEqualTo("scripts/load.py");
    assertThat(CodeRoles.relativePath(pythonFile("scripts/load.py", file), file)).isEqualTo("scripts/load.py");
    assertThat(CodeRoles.relativePath(pythonFile(file.toString(), file), file)).isEqualTo("scripts/load.py");
    assertThat(CodeRoles.relativePath(pythonFile(file.toUri().toString(), file), file)).isEqualTo("scripts/load.py");
  }

  @Test
  void the_gate_skips_what_a_rule_scope_excludes() throws IOException {
    Path product = write("shop/views.py", "def f():\n    g()\n\nif __name__ == '__main__':\n    g()\n");
    Path tool = write("scripts/load.py", "g()\n");
    Path docs = write("docs/conf.py", "g()\n");
    Files.createDirectories(project.resolve(".git"));
    List<String> productOnly = calls(new CallProbe(), product, tool, docs);
    assertThat(productOnly).containsExactly("views.py:2");
    List<String> reachable = calls(new AllCodeProbe(), product, tool, docs);
    assertThat(reachable).containsExactlyInAnyOrder("views.py:2", "views.py:5", "load.py:1");
  }

  private static List<String> calls(CallProbe probe, Path... files) {
    PythonProject.of(java.util.Arrays.stream(files).map(Path::toString).toList()).scan(probe);
    return probe.seen;
  }

  static class CallProbe extends BackendReviewCheck {
    final List<String> seen = new ArrayList<>();

    @Override
    protected void register(Context context) {
      context.registerSyntaxNodeConsumer(Tree.Kind.CALL_EXPR, ctx -> seen.add(ctx.pythonFile().fileName() + ":" + ctx.syntaxNode().firstToken().line()));
    }
  }

  static class AllCodeProbe extends CallProbe {
    @Override
    protected CodeScope codeScope() {
      return CodeScope.ALL_CODE;
    }
  }

  private static org.sonar.plugins.python.api.PythonFile pythonFile(String key, Path path) {
    return new org.sonar.plugins.python.api.PythonFile() {
      @Override
      public String content() {
        return "";
      }

      @Override
      public String fileName() {
        return path.getFileName().toString();
      }

      @Override
      public java.net.URI uri() {
        return path.toUri();
      }

      @Override
      public String key() {
        return key;
      }
    };
  }

  @SuppressWarnings("unused")
  private static final Map<String, String> NONE = Map.of();
}
