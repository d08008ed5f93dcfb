/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.backendreview.scanner.ScanListener;

/** A progress line on a terminal's stderr: phase, files done out of total, rate. Redrawn at most ten times a second. */
final class Progress implements ScanListener {

  private final PrintStream err;
  private final AtomicInteger done = new AtomicInteger();
  private volatile int total;
  private volatile String phase = "";
  private volatile long start;
  private volatile long lastDraw;

  Progress(PrintStream err) {
    this.err = err;
  }

  @Override
  public void phaseStarted(String name, int count) {
    phase = name;
    total = count;
    done.set(0);
    start = System.nanoTime();
    lastDraw = 0;
    draw(true);
  }

  @Override
  public void fileDone(String name) {
    done.incrementAndGet();
    draw(false);
  }

  @Override
  public synchronized void phaseFinished(String name) {
    err.print("\r\u001b[K");
    err.flush();
  }

  private synchronized void draw(boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    double seconds = (now - start) / 1e9;
    int count = done.get();
    String rate = seconds > 0.5 ? String.format(" (%.0f files/s)", count / seconds) : "";
    err.print("\r\u001b[K" + phase + ": " + count + "/" + total + " files" + rate);
    err.flush();
  }
}
