/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.sonar.plugins.python.api.tree.FileInput;

/**
 * The one cache policy of the plugin. Two lifetimes, nothing else:
 * <dl>
 *   <dt>Per file</dt>
 *   <dd>Everything computed from the analysed file's tree (its {@link ModuleSummary}, the value resolver, the taint
 *   engine, library evidence, indexes of calls and assignments, facts checks used to compute in {@code FILE_INPUT}
 *   prologues) lives in that file's analysis context. Contexts are keyed by the identity of the
 *   {@link FileInput} tree, never by path: SonarLint re-parses a file on every edit and gets a new tree, so it gets a new
 *   context and never a stale fact. Each analysis thread keeps its {@value #FILES_PER_THREAD} most recent contexts
 *   (SonarQube's sensor and SonarLint analyse a file in one thread, with every check seeing the same tree object; the
 *   CLI's workers each analyse their own files), so a context is dropped, with its trees, when its thread has moved
 *   on to other files. Nothing per file is shared between threads, so a context needs no locking.</dd>
 *   <dt>Per project</dt>
 *   <dd>Facts read from other files on disk ({@link ModuleSources}: summaries of other modules; Django's deployable
 *   settings) are {@link ProjectCache}s: shared by all threads, bounded (emptied when full: they are caches, never
 *   sources of truth), and each entry is validated on every read by the caller's stamp (file size and modification
 *   time, or an age), so a long-lived SonarLint process sees edits saved to disk. They hold plain data only, never a
 *   tree.</dd>
 * </dl>
 */
public final class AnalysisCache {

  /** How many files' contexts one thread keeps (the current one and the one before). */
  static final int FILES_PER_THREAD = 2;

  /** The current thread's recent files, most recent first: {tree, the value kept for it}. */
  private static final ThreadLocal<Object[][]> RECENT = ThreadLocal.withInitial(() -> new Object[FILES_PER_THREAD][]);

  /** How to empty each per-project cache of the plugin ({@link #clearProjectCaches}). */
  private static final List<Runnable> PROJECT_CACHES = new java.util.concurrent.CopyOnWriteArrayList<>();

  private AnalysisCache() {
  }

  /** The per-file value (the file's analysis context) of this file tree in the current thread, created on first use. */
  @SuppressWarnings("unchecked")
  static <T> T perFile(FileInput file, Function<FileInput, T> factory) {
    Object[][] recent = RECENT.get();
    for (int i = 0; i < recent.length; i++) {
      Object[] entry = recent[i];
      if (entry != null && entry[0] == file) {
        if (i > 0) {
          System.arraycopy(recent, 0, recent, 1, i);
          recent[0] = entry;
        }
        return (T) entry[1];
      }
    }
    T created = factory.apply(file);
    System.arraycopy(recent, 0, recent, 1, recent.length - 1);
    recent[0] = new Object[] {file, created};
    return created;
  }

  /**
   * Empties every per-project cache (the {@link ProjectCache}s and the caches of {@link DeclaredDependencies},
   * {@link RoleOverrides} and {@link SiblingFiles}). A process that analyses a project again, or another one, calls it
   * before each analysis (the standalone scanner's resident daemon): their validation by size and modification time,
   * or by age, suits an editor, not a second analysis that must equal a fresh one.
   */
  public static void clearProjectCaches() {
    PROJECT_CACHES.forEach(Runnable::run);
  }

  /** Registers a per-project cache of plain data with {@link #clearProjectCaches}. */
  static void registerProjectCache(Runnable clear) {
    PROJECT_CACHES.add(clear);
  }

  /** Forgets the current thread's file contexts (tests). */
  static void clearFiles() {
    RECENT.remove();
  }

  /**
   * A cache of project facts (plain data computed from files on disk), shared by every thread, bounded to
   * {@code maxEntries}: when full it is emptied. An entry is used only while {@code valid} accepts it.
   */
  public static <K, V> ProjectCache<K, V> project(int maxEntries) {
    return new ProjectCache<>(maxEntries);
  }

  /** See {@link AnalysisCache#project}. */
  public static final class ProjectCache<K, V> {
    private final int maxEntries;
    private final Map<K, V> entries = new ConcurrentHashMap<>();
    /** The files each entry was computed from ({@link FileReads}), replayed on a hit; absent when nothing recorded. */
    private final Map<K, FileReads.Recording> reads = new ConcurrentHashMap<>();

    private ProjectCache(int maxEntries) {
      this.maxEntries = maxEntries;
      registerProjectCache(this::clear);
    }

    /** The cached value when {@code valid} accepts it, else a new one from {@code compute} (then cached). */
    public V get(K key, Predicate<V> valid, Function<K, V> compute) {
      V cached = entries.get(key);
      if (cached != null && valid.test(cached)) {
        if (FileReads.recording()) {
          FileReads.replay(reads.get(key));
        }
        return cached;
      }
      if (entries.size() >= maxEntries) {
        entries.clear();
        reads.clear();
      }
      List<V> value = new ArrayList<>(1);
      FileReads.Recording recorded = FileReads.nested(() -> value.add(compute.apply(key)));
      if (recorded != null) {
        reads.put(key, recorded);
      } else {
        reads.remove(key);
      }
      entries.put(key, value.get(0));
      return value.get(0);
    }

    public int size() {
      return entries.size();
    }

    public void clear() {
      entries.clear();
      reads.clear();
    }
  }
}
