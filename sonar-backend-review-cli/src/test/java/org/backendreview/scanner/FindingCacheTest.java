/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan with the findings cache gives exactly the findings of a scan without it, whatever changed in between. */
class FindingCacheTest {

  @TempDir
  Path dir;

  private Path project;
  private Path cache;

  private ScanResult scan(boolean cached) {
    return Scanner.scan(ScanConfig.builder(project).baseDir(project).allRules(true).threads(2).cacheDir(cached ? cache : null).build());
  }

  /** Everything of a finding, locations and fingerprint included. */
  private static List<String> full(ScanResult result) {
    return result.findings().stream()
      .map(f -> f.ruleKey() + " " + f.primary() + " " + f.secondaries() + " " + f.gap() + " " + f.fingerprint())
      .toList();
  }

  /** The cached scan and a cold one (no cache) report the same; returns the cached scan. */
  private ScanResult assertSameAsCold() {
    ScanResult warm = scan(true);
    ScanResult cold = scan(false);
    assertThat(full(warm)).isEqualTo(full(cold));
    assertThat(warm.stats().files()).isEqualTo(cold.stats().files());
    assertThat(warm.stats().testFiles()).isEqualTo(cold.stats().testFiles());
    assertThat(warm.stats().lines()).isEqualTo(cold.stats().lines());
    return warm;
  }

  @Test
  void rescans_after_adding_changing_and_deleting_files_equal_cold_scans() throws IOException {
    project = SampleProject.copyTo(dir.resolve("project"));
    cache = dir.resolve("cache");

    ScanResult first = assertSameAsCold();
    assertThat(first.stats().cachedFiles()).isZero();
    assertThat(first.findings()).isNotEmpty();
    assertThat(cache.resolve("CACHEDIR.TAG")).exists();

    ScanResult again = assertSameAsCold();
    assertThat(again.stats().cachedFiles()).isEqualTo(again.stats().files());
    // nothing is parsed in the index step, not even the URLconf: its entry holds the Django views it registered (the
    // table's digest, views included, is the one of the cold scan, or no finding would come from the cache)
    assertThat(again.stats().indexedFromCache()).isEqualTo(again.stats().files());

    // a function body changes: the module's descriptors do not, so only that file is analysed again
    Files.writeString(project.resolve("inventory_service/main.py"), "# edited\n", java.nio.file.StandardOpenOption.APPEND);
    ScanResult bodyEdit = assertSameAsCold();
    assertThat(bodyEdit.stats().cachedFiles()).isEqualTo(bodyEdit.stats().files() - 1);
    assertThat(bodyEdit.stats().indexedFromCache()).isEqualTo(bodyEdit.stats().files() - 1);

    // the routed views' module moves its definitions down a line: the URLconf's views cannot change, its entry is used
    SampleProject.replace(project.resolve("api/views.py"), "from django.db import transaction\n", "from django.db import transaction\n\n");
    ScanResult moved = assertSameAsCold();
    assertThat(moved.stats().indexedFromCache()).isEqualTo(moved.stats().files() - 1);

    // a routed view is renamed in its module, the URLconf unchanged: the URLconf is indexed again (the view it names is
    // gone), and the findings that depend on which functions are views follow
    SampleProject.replace(project.resolve("api/views.py"), "def restock(request, product_id):", "def restock_item(request, product_id):");
    ScanResult renamed = assertSameAsCold();
    assertThat(renamed.stats().indexedFromCache()).isEqualTo(renamed.stats().files() - 2);
    SampleProject.replace(project.resolve("api/views.py"), "def restock_item(request, product_id):", "def restock(request, product_id):");
    // back to the earlier state: both files' entries of that state are used again
    assertThat(assertSameAsCold().stats().indexedFromCache()).isEqualTo(renamed.stats().files());

    // the model another module's finding depends on is no longer a model: api/views.py's findings must be recomputed
    List<String> viewsBefore = findingsOf(bodyEdit, "api/views.py");
    assertThat(viewsBefore).anyMatch(f -> f.startsWith("ReadModifyWriteWithoutF"));
    SampleProject.replace(project.resolve("shop/models.py"), "class Product(TimeStamped):", "class Product:");
    ScanResult modelEdit = assertSameAsCold();
    assertThat(findingsOf(modelEdit, "api/views.py")).isNotEqualTo(viewsBefore);

    // a new file and a deleted one
    SampleProject.write(project.resolve("api/extra.py"),
      "from shop.models import Order",
      "",
      "",
      "def bump(request, pk):",
      "    order = Order.objects.get(pk=pk)",
      "    order.quantity += 1",
      "    order.save()");
    Files.delete(project.resolve("inventory_service/config.py"));
    ScanResult addDelete = assertSameAsCold();
    assertThat(addDelete.findings()).noneMatch(f -> f.file().equals("inventory_service/config.py"));

    // a view no longer routed, and a module whose top-level definitions change (restored modules must not hide either)
    SampleProject.replace(project.resolve("shopsite/urls.py"), "    path(\"api/orders/<int:order_id>/cancel\", views.cancel_order),\n", "");
    SampleProject.write(project.resolve("api/serializers.py"), "from shop.models import Order", "", "", "def serialize(order):",
      "    return {\"id\": order.pk}");
    assertSameAsCold();

    // a lock file pins the installed FastAPI at 0.115: on_event is deprecated there (FastApiOnEventDeprecated), so the
    // module's cached findings (none) must not be reused
    SampleProject.write(project.resolve("inventory_service/events.py"), "from fastapi import FastAPI", "", "app = FastAPI()", "", "",
      "@app.on_event(\"startup\")", "def start():", "    pass");
    assertThat(findingsOf(assertSameAsCold(), "inventory_service/events.py")).noneMatch(f -> f.startsWith("FastApiOnEventDeprecated"));
    SampleProject.write(project.resolve("poetry.lock"), "[[package]]", "name = \"fastapi\"", "version = \"0.115.0\"");
    assertThat(findingsOf(assertSameAsCold(), "inventory_service/events.py")).anyMatch(f -> f.startsWith("FastApiOnEventDeprecated"));

    // an entry damaged on disk is reported, deleted and recomputed: the entry the last scan wrote or used most recently
    // (older entries belong to earlier project states and are never read again)
    Path entry;
    try (Stream<Path> files = Files.walk(cache)) {
      entry = files.filter(f -> f.getParent().getFileName().toString().length() == 2)
        .max(java.util.Comparator.comparing(FindingCacheTest::modified)).orElseThrow();
    }
    Files.writeString(entry, "backend-review-cache 1\ngarbage");
    ScanResult truncated = assertSameAsCold();
    assertThat(truncated.warnings()).anyMatch(w -> w.message().startsWith("damaged cache entry"));
    // one flipped bit in a whole entry's payload: the checksum catches it
    try (Stream<Path> files = Files.walk(cache)) {
      entry = files.filter(f -> f.getParent().getFileName().toString().length() == 2)
        .max(java.util.Comparator.comparing(FindingCacheTest::modified)).orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(entry);
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(entry, bytes);
    ScanResult damaged = assertSameAsCold();
    assertThat(damaged.warnings()).anyMatch(w -> w.message().startsWith("damaged cache entry"));
    assertThat(assertSameAsCold().warnings()).isEmpty();
  }

  private static java.nio.file.attribute.FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> findingsOf(ScanResult result, String file) {
    return result.findings().stream().filter(f -> f.file().equals(file)).map(f -> f.ruleKey() + ":" + f.line() + " " + f.message()).toList();
  }

  private static long countFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      return -1;
    }
  }
}
