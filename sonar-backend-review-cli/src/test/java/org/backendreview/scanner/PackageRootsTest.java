/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backendreview.scanner.SampleProject.write;

class PackageRootsTest {

  @TempDir
  Path dir;

  private String packageOf(ScanConfig config, String file) throws Exception {
    Path path = dir.resolve(file).toRealPath();
    return PackageRoots.of(config).packageName(new SourceFile(path, file, file, false));
  }

  @Test
  void django_project_layout() throws Exception {
    write(dir.resolve("manage.py"), "");
    write(dir.resolve("shop/__init__.py"), "");
    write(dir.resolve("shop/models.py"), "");
    write(dir.resolve("shop/migrations/__init__.py"), "");
    write(dir.resolve("shop/migrations/0001_initial.py"), "");
    write(dir.resolve("scripts/load.py"), "");
    ScanConfig config = ScanConfig.builder(dir).baseDir(dir).build();
    assertThat(packageOf(config, "manage.py")).isEmpty();
    assertThat(packageOf(config, "shop/models.py")).isEqualTo("shop");
    assertThat(packageOf(config, "shop/migrations/0001_initial.py")).isEqualTo("shop.migrations");
    assertThat(packageOf(config, "scripts/load.py")).isEqualTo("scripts");
  }

  @Test
  void packages_are_named_from_their_own_root_whatever_the_scan_path() throws Exception {
    write(dir.resolve("shop/__init__.py"), "");
    write(dir.resolve("shop/models.py"), "");
    ScanConfig config = ScanConfig.builder(dir.resolve("shop")).baseDir(dir).build();
    assertThat(packageOf(config, "shop/models.py")).isEqualTo("shop");
  }

  @Test
  void installed_layout_and_src_layout() throws Exception {
    write(dir.resolve("usr/lib/python3/dist-packages/django/__init__.py"), "");
    write(dir.resolve("usr/lib/python3/dist-packages/django/db/__init__.py"), "");
    write(dir.resolve("usr/lib/python3/dist-packages/django/db/models.py"), "");
    write(dir.resolve("src/tool.py"), "");
    ScanConfig config = ScanConfig.builder(dir).baseDir(dir).build();
    assertThat(packageOf(config, "usr/lib/python3/dist-packages/django/db/models.py")).isEqualTo("django.db");
    assertThat(packageOf(config, "src/tool.py")).isEmpty();
  }

  @Test
  void configured_roots_win() throws Exception {
    write(dir.resolve("backend/shop/__init__.py"), "");
    write(dir.resolve("backend/shop/models.py"), "");
    ScanConfig config = ScanConfig.builder(dir).baseDir(dir).packageRoot(Path.of(".")).build();
    assertThat(packageOf(config, "backend/shop/models.py")).isEqualTo("backend.shop");
  }
}
