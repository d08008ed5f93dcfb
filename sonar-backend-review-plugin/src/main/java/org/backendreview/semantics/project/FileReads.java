/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.semantics.project;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Records which files of the project the analysis of one file read from disk (the other modules' sources read by
 * {@link ModuleSources}, the sibling files read by {@link SiblingFiles}), so that a cache of findings (the standalone
 * scanner's) reuses a file's findings only while none of them changed. Project facts cached in memory by
 * {@link AnalysisCache.ProjectCache} replay the reads they were computed from on every hit.
 * <p>
 * Off unless an engine {@link #start() starts} a recording on the current thread: SonarQube and SonarLint never do, and
 * then every call here is one thread-local read.
 */
public final class FileReads {

  private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();

  /** The files one analysis read; {@link #complete()} is false when a cached fact's reads were not known. */
  public static final class Recording {
    private final Set<Path> paths = Collections.synchronizedSet(new HashSet<>());
    private volatile boolean complete = true;

    public Set<Path> paths() {
      synchronized (paths) {
        return Set.copyOf(paths);
      }
    }

    public boolean complete() {
      return complete;
    }

    void addAll(Set<Path> more) {
      paths.addAll(more);
    }
  }

  private FileReads() {
  }

  /** Starts recording the reads of the current thread (replacing any recording in progress). */
  public static Recording start() {
    Recording recording = new Recording();
    CURRENT.set(recording);
    return recording;
  }

  /** Stops recording on the current thread. */
  public static void stop() {
    CURRENT.remove();
  }

  /** A file (or a directory whose {@code *.py} files were listed and read) that the current analysis depends on. */
  static void note(Path path) {
    Recording recording = CURRENT.get();
    if (recording != null) {
      recording.paths.add(path);
    }
  }

  static boolean recording() {
    return CURRENT.get() != null;
  }

  /** Runs {@code body} with a nested recording and returns it (null when nothing records): the reads of a cached fact. */
  static Recording nested(Runnable body) {
    Recording outer = CURRENT.get();
    if (outer == null) {
      body.run();
      return null;
    }
    Recording inner = new Recording();
    CURRENT.set(inner);
    try {
      body.run();
    } finally {
      CURRENT.set(outer);
      outer.addAll(inner.paths);
      if (!inner.complete) {
        outer.complete = false;
      }
    }
    return inner;
  }

  /** Replays the reads of a cached fact into the current recording; null: they are unknown. */
  static void replay(Recording reads) {
    Recording current = CURRENT.get();
    if (current == null) {
      return;
    }
    if (reads == null) {
      current.complete = false;
      return;
    }
    current.addAll(reads.paths());
    if (!reads.complete) {
      current.complete = false;
    }
  }
}
