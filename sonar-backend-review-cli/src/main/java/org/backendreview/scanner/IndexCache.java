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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * file's path, module name and content. Files that may register Django views ({@code path(...)}/{@code re_path(...)}
 * calls or an alias of them) are indexed after all the others ({@link ProjectIndex#indexRegisteringViews}): their
 * entries also hold the views their module registered (the frontend records views while indexing and its own cache
 * leaves them out), and their keys also hash the shape of the table the other files made (every module's descriptors
 * without their locations) and the content of every file that may register views, on which the views a module
 * registers can depend. Not cached, so always parsed:
 * <ul>
 *   <li>files sharing their module name with another scanned file (the table merges them);</li>
 *   <li>files that could not be parsed, or whose module the frontend left out of the table, and notebooks;</li>
 *   <li>any file of the first wave in a scan where that wave registered a view (a file registered one in a form the
 *   check above does not see: its entry would lose the view).</li>
 * </ul>
 * Entries are written after the index step, only when it finished; a damaged entry is a miss (with a warning).
 */
final class IndexCache {

  private static final byte FORMAT = 3;

  private final CacheStore store;
  private final String scanKey;
  private final List<Pending> pending = new ArrayList<>();
  final AtomicInteger restored = new AtomicInteger();

  private record Pending(String key, Frontend.ModuleEntry entry, Map<String, Set<String>> views, boolean firstWave) {
  }

  /** A cached module with the Django views it registered. */
  record Entry(Frontend.ModuleEntry module, Map<String, Set<String>> views) {
  }

  IndexCache(CacheStore store, ScanConfig config, Set<String> packages) {
    this.store = store;
    List<String> parts = new ArrayList<>();
    parts.add("index " + FORMAT);
    parts.add("scanner " + FindingCache.codeVersion());
    parts.add("python " + config.pythonVersions());
    parts.add("packages " + new TreeSet<>(packages));
    this.scanKey = CacheStore.sha256Hex(parts);
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
    return CacheStore.sha256Hex(List.of(scanKey, item.file.relativePath(), item.packageName, item.contentDigest()));
  }

  /** The key of a file of the second wave: {@code context} is what its views may depend on besides its text. */
  String keyOf(ProjectIndex.IndexedFile item, String context) {
    return CacheStore.sha256Hex(List.of(scanKey, "views", item.file.relativePath(), item.packageName, item.contentDigest(), context));
  }

  /**
   * The cached module of the file and the views it registered, or empty (a damaged entry is deleted, with a warning).
   * {@code withViews}: a file of the second wave (an entry of the first wave records no view).
   */
  Optional<Entry> lookup(String key, String module, boolean withViews) {
    return read(key, module).filter(entry -> withViews || entry.views().isEmpty());
  }

  private Optional<Entry> read(String key, String module) {
    Optional<byte[]> bytes = store.read(key);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.get()))) {
      if (in.readByte() != FORMAT || !in.readUTF().equals(module)) {
        throw new IOException("unexpected entry");
      }
      byte[] descriptors = readBytes(in);
      byte[] digest = readBytes(in);
      byte[] shape = readBytes(in);
      Map<String, Set<String>> views = new TreeMap<>();
      for (int i = in.readInt(); i > 0; i--) {
        String view = in.readUTF();
        Set<String> patterns = new TreeSet<>();
        for (int j = in.readInt(); j > 0; j--) {
          patterns.add(in.readUTF());
        }
        views.put(view, patterns);
      }
      if (in.read() != -1 || digest.length != 32 || shape.length != 32) {
        throw new IOException("trailing bytes");
      }
      return Optional.of(new Entry(new Frontend.ModuleEntry(module, descriptors, digest, shape), views));
    } catch (IOException | RuntimeException e) {
      store.damaged(key);
      return Optional.empty();
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("bad length");
    }
    return in.readNBytes(length);
  }

  /** Forgets an entry the frontend could not read back. */
  void damaged(String key) {
    store.damaged(key);
  }

  /** Remembers an entry to write once the index step is over, with the views its module registered. */
  synchronized void add(String key, Frontend.ModuleEntry entry, Map<String, Set<String>> views, boolean firstWave) {
    pending.add(new Pending(key, entry, views, firstWave));
  }

  /** Forgets the first wave's entries (that wave registered a view, which no entry records). */
  synchronized void dropFirstWave() {
    pending.removeIf(Pending::firstWave);
  }

  /** Writes the entries of the files parsed by this scan. */
  synchronized void flush() {
    for (Pending item : pending) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(item.entry().descriptors().length + 128);
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(FORMAT);
        out.writeUTF(item.entry().module());
        for (byte[] part : List.of(item.entry().descriptors(), item.entry().digest(), item.entry().shape())) {
          out.writeInt(part.length);
          out.write(part);
        }
        out.writeInt(item.views().size());
        for (Map.Entry<String, Set<String>> view : new TreeMap<>(item.views()).entrySet()) {
          out.writeUTF(view.getKey());
          out.writeInt(view.getValue().size());
          for (String pattern : new TreeSet<>(view.getValue())) {
            out.writeUTF(pattern);
          }
        }
      } catch (IOException | RuntimeException e) {
        // e.g. a name longer than writeUTF takes: not cached
        continue;
      }
      store.write(item.key(), bytes.toByteArray());
    }
    pending.clear();
  }
}
