/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.scanner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.backendreview.scanner.cache.CacheStore;

/**
 * The index step's part of the cache (docs/cli.md, "Cache"): per file, the module its parse added to the project-level
 * symbol table, as the frontend's serialised descriptors (the form SonarQube's incremental analysis caches). A rescan
 * puts an unchanged file's module back into the table without reading its tree: the file is not parsed at all when
 * its findings are reused too.
 * <p>
 * An entry's key hashes the scanner's code (checks and frontend), the Python versions, the project's packages, the
 * file's path, module name and content. Not cached, so always parsed:
 * <ul>
 *   <li>files that may register Django views ({@code path(...)}/{@code re_path(...)} calls or an alias of them): the
 *   frontend records views while indexing and its own cache leaves them out;</li>
 *   <li>files sharing their module name with another scanned file (the table merges them);</li>
 *   <li>files that could not be parsed, or whose module the frontend left out of the table, and notebooks.</li>
 * </ul>
 * Entries are written after the index step, only when it finished; a damaged entry is a miss (with a warning).
 */
final class IndexCache {

  private static final byte FORMAT = 2;

  private final CacheStore store;
  private final String scanKey;
  private final Set<String> sharedModules;
  private final List<Pending> pending = new ArrayList<>();
  final AtomicInteger restored = new AtomicInteger();

  private record Pending(String key, Frontend.ModuleEntry entry) {
  }

  IndexCache(CacheStore store, ScanConfig config, Set<String> packages, Set<String> sharedModules) {
    this.store = store;
    List<String> parts = new ArrayList<>();
    parts.add("index " + FORMAT);
    parts.add("scanner " + FindingCache.codeVersion());
    parts.add("python " + config.pythonVersions());
    parts.add("packages " + new TreeSet<>(packages));
    this.scanKey = CacheStore.sha256Hex(parts);
    this.sharedModules = sharedModules;
  }

  /** Whether the file's module may be cached (see the class comment). */
  boolean cacheable(String module, String content) {
    return !sharedModules.contains(module) && !mayRegisterViews(content);
  }

  /**
   * Whether the text has a call that may register a Django view, or an import of {@code path} under another name: the
   * regular expression {@code \b(?:re_)?path\s*\(|\b(?:re_)?path\s+as\b}, hand-written because the expression, tried at
   * every position of every file, was 7 % of a one-file rescan. Word characters are ASCII ones (as {@code \b} sees them
   * since JDK 19; any other character counts as a boundary, which can only make more files uncacheable).
   */
  static boolean mayRegisterViews(String content) {
    int length = content.length();
    for (int i = content.indexOf("path"); i >= 0; i = content.indexOf("path", i + 4)) {
      boolean boundary = i == 0 || !isWordChar(content.charAt(i - 1))
        || i >= 3 && content.startsWith("re_", i - 3) && (i == 3 || !isWordChar(content.charAt(i - 4)));
      if (!boundary) {
        continue;
      }
      int j = i + 4;
      while (j < length && isSpace(content.charAt(j))) {
        j++;
      }
      if (j < length && content.charAt(j) == '(') {
        return true;
      }
      if (j > i + 4 && content.startsWith("as", j) && (j + 2 == length || !isWordChar(content.charAt(j + 2)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  String keyOf(ProjectIndex.IndexedFile item) {
    return CacheStore.sha256Hex(List.of(scanKey, item.file.relativePath(), item.packageName, item.content));
  }

  /** The cached module of the file, or empty (a damaged entry is deleted, with a warning). */
  Optional<Frontend.ModuleEntry> lookup(String key, String module) {
    Optional<byte[]> bytes = store.read(key);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.get()))) {
      if (in.readByte() != FORMAT || !in.readUTF().equals(module)) {
        throw new IOException("unexpected entry");
      }
      byte[] descriptors = in.readNBytes(in.readInt());
      byte[] digest = in.readNBytes(in.readInt());
      if (in.read() != -1 || digest.length != 32) {
        throw new IOException("trailing bytes");
      }
      return Optional.of(new Frontend.ModuleEntry(module, descriptors, digest));
    } catch (IOException | RuntimeException e) {
      store.damaged(key);
      return Optional.empty();
    }
  }

  /** Forgets an entry the frontend could not read back. */
  void damaged(String key) {
    store.damaged(key);
  }

  /** Remembers an entry to write once the index step is over. */
  synchronized void add(String key, Frontend.ModuleEntry entry) {
    pending.add(new Pending(key, entry));
  }

  /** Writes the entries of the files parsed by this scan. */
  synchronized void flush() {
    for (Pending item : pending) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(item.entry().descriptors().length + 64);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(FORMAT);
        out.writeUTF(item.entry().module());
        out.writeInt(item.entry().descriptors().length);
        out.write(item.entry().descriptors());
        out.writeInt(item.entry().digest().length);
        out.write(item.entry().digest());
      } catch (IOException e) {
        continue;
      }
      store.write(item.key(), bytes.toByteArray());
    }
    pending.clear();
  }
}
