/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import org.backendreview.scanner.RuleCatalog;

/**
 * The resident scanner ({@code scan --daemon}, docs/cli.md "Daemon"): a JVM that stays up between scans, listening on a
 * Unix domain socket in a private directory, so that a rescan pays neither the JVM's start-up, nor loading the rule
 * catalogue, nor cold code. It runs one scan at a time (the others wait), each with a fresh {@link Main} on the client's
 * working directory, arguments and environment variables. It exits after an idle time
 * ({@code BACKEND_REVIEW_DAEMON_IDLE_MINUTES}, default 15), on {@code backend-review daemon stop}, when its jar changed,
 * and after running out of memory (the client then runs the scan in a fresh JVM).
 */
public final class Daemon {

  static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);
  private static final Duration WATCH_INTERVAL = Duration.ofSeconds(5);

  private final Path socket;
  @Nullable
  private final Path jar;
  private final long jarStamp;
  private final Duration idle;
  private final ServerSocketChannel server;
  private final ReentrantLock scanLock = new ReentrantLock(true);
  private final Supplier<RuleCatalog> catalog;
  private final long started = System.currentTimeMillis();
  private volatile long lastActivity = System.currentTimeMillis();
  private volatile boolean stopping;
  @Nullable
  private volatile String exitReason;
  private volatile int scans;

  private Daemon(Path socket, @Nullable Path jar, Duration idle, ServerSocketChannel server) {
    this.socket = socket;
    this.jar = jar;
    this.jarStamp = stamp(jar);
    this.idle = idle;
    this.server = server;
    this.catalog = memoize(RuleCatalog::load);
  }

  /** Listens on the socket (an existing socket file is replaced: callers hold the socket's lock). */
  static Daemon bind(Path socket, @Nullable Path jar, Duration idle) throws IOException {
    Files.deleteIfExists(socket);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    return new Daemon(socket, jar, idle, server);
  }

  public static void main(String[] args) throws IOException {
    Path socket = Path.of(args[0]);
    Path jar = args.length > 1 ? Path.of(args[1]) : null;
    ignoreTerminalSignals();
    Duration idle = DEFAULT_IDLE;
    String minutes = System.getenv("BACKEND_REVIEW_DAEMON_IDLE_MINUTES");
    if (minutes != null && !minutes.isBlank()) {
      try {
        idle = Duration.ofSeconds(Math.round(Double.parseDouble(minutes.trim()) * 60));
      } catch (NumberFormatException e) {
        System.err.println("backend-review daemon: BACKEND_REVIEW_DAEMON_IDLE_MINUTES is not a number: " + minutes + "; using 15");
      }
    }
    Path lockFile = socket.resolveSibling(socket.getFileName() + ".lock");
    try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = lockChannel.tryLock()) {
      if (lock == null) {
        // another daemon of the same jar and options runs (or is starting): it answers
        System.exit(0);
      }
      Daemon daemon = bind(socket, jar, idle);
      log("listening on " + socket + " (pid " + ProcessHandle.current().pid() + ", exits after " + idle.toMinutes() + " min idle)");
      daemon.watch();
      daemon.serve();
      String reason = daemon.exitReason;
      log("stopped" + (reason == null ? "" : ": " + reason));
      Files.deleteIfExists(lockFile);
    }
    System.exit(0);
  }

  /** Accepts connections until stopped, each in its own thread; returns once no scan runs any more. */
  void serve() {
    while (!stopping) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (ClosedChannelException e) {
        break;
      } catch (IOException e) {
        if (stopping) {
          break;
        }
        log("accept failed: " + e);
        continue;
      }
      Thread thread = new Thread(() -> handle(channel), "backend-review-daemon-client");
      thread.setDaemon(true);
      thread.start();
    }
    // let the running scan end (its cache writes are atomic anyway)
    scanLock.lock();
    scanLock.unlock();
  }

  /** Stops accepting connections and removes the socket; a running scan ends first. */
  void stop(String reason) {
    if (stopping) {
      return;
    }
    exitReason = reason;
    stopping = true;
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // a stale socket file is replaced by the next daemon
    }
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  boolean stopped() {
    return stopping;
  }

  private void watch() {
    Thread watcher = new Thread(() -> {
      while (!stopping) {
        try {
          Thread.sleep(WATCH_INTERVAL.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (scanLock.isLocked() || scanLock.hasQueuedThreads()) {
          continue;
        }
        if (System.currentTimeMillis() - lastActivity > idle.toMillis()) {
          stop("idle for " + idle.toMinutes() + " min");
        } else if (jar != null && stamp(jar) != jarStamp) {
          stop("its jar changed");
        } else if (!Files.exists(socket)) {
          stop("its socket was deleted");
        }
      }
    }, "backend-review-daemon-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private void handle(SocketChannel channel) {
    try (channel) {
      if (!sameUser(channel)) {
        log("refused a connection from another user");
        return;
      }
      DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(channel)));
      DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
      DaemonProtocol.Request request = DaemonProtocol.Request.read(in);
      switch (request.kind()) {
        case DaemonProtocol.SCAN -> scan(request, out);
        case DaemonProtocol.STATUS -> answer(out, status());
        case DaemonProtocol.STOP -> {
          answer(out, "Stopping the backend-review daemon " + ProcessHandle.current().pid() + " (" + socket.getFileName() + ").\n");
          stop("stopped by a client");
        }
        default -> DaemonProtocol.writeExit(out, DaemonProtocol.FAIL, 0, "does not know request " + request.kind());
      }
    } catch (IOException e) {
      // the client went away: nothing to undo
    }
  }

  private void scan(DaemonProtocol.Request request, DataOutputStream out) throws IOException {
    scanLock.lock();
    try {
      if (stopping) {
        DaemonProtocol.writeExit(out, DaemonProtocol.FAIL, 0, "is stopping (" + exitReason + ")");
        return;
      }
      PrintStream stdout = new PrintStream(new BufferedOutputStream(DaemonProtocol.frames(out, DaemonProtocol.OUT), 1 << 16), false, StandardCharsets.UTF_8);
      PrintStream stderr = new PrintStream(DaemonProtocol.frames(out, DaemonProtocol.ERR), true, StandardCharsets.UTF_8);
      Main main = new Main(stdout, stderr, Path.of(request.cwd()), request.env(), catalog);
      main.explainOutOfMemory = false;
      int code;
      try {
        code = main.run(request.args().toArray(String[]::new));
      } catch (OutOfMemoryError e) {
        code = -1;
        main.ranOutOfMemory = true;
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        log("scan failed: " + e);
        DaemonProtocol.writeExit(out, DaemonProtocol.FAIL, 0, "failed (" + e + ")");
        return;
      }
      scans++;
      if (main.ranOutOfMemory) {
        stop("ran out of memory (heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
        DaemonProtocol.writeExit(out, DaemonProtocol.FAIL, 0, "ran out of memory and stopped");
        return;
      }
      stdout.flush();
      DaemonProtocol.writeExit(out, DaemonProtocol.EXIT, code, "");
    } finally {
      lastActivity = System.currentTimeMillis();
      scanLock.unlock();
    }
  }

  private String status() {
    Runtime runtime = Runtime.getRuntime();
    long now = System.currentTimeMillis();
    return String.format(Locale.ROOT, "backend-review daemon %d (%s): up %d min, %d scans, %s, idle %d s (exits after %d min idle), "
      + "heap %d of %d MiB used%n  jar %s%n  java %s%n", ProcessHandle.current().pid(), socket.getFileName(), (now - started) / 60_000, scans,
      scanLock.isLocked() ? "scanning" : "waiting", (now - lastActivity) / 1000, idle.toMinutes(), (runtime.totalMemory() - runtime.freeMemory()) >> 20,
      runtime.maxMemory() >> 20, jar == null ? "(class path)" : jar, ProcessHandle.current().info().commandLine().orElse("?"));
  }

  private static void answer(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    DaemonProtocol.writeFrame(out, DaemonProtocol.OUT, bytes, 0, bytes.length);
    DaemonProtocol.writeExit(out, DaemonProtocol.EXIT, 0, "");
  }

  /** Whether the peer runs as this process's user; true when the platform cannot tell (the directory's mode 0700 protects then). */
  private static boolean sameUser(SocketChannel channel) {
    try {
      jdk.net.UnixDomainPrincipal peer = channel.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED);
      return peer.user().getName().equals(DaemonProtocol.currentUser().getName());
    } catch (UnsupportedOperationException | IOException | SecurityException e) {
      return true;
    }
  }

  /** Ctrl-C in the terminal that started the daemon, or closing that terminal, must not end it (it is detached). */
  @SuppressWarnings("restriction")
  private static void ignoreTerminalSignals() {
    for (String name : new String[] {"INT", "HUP"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
      } catch (IllegalArgumentException | LinkageError e) {
        // not on this platform
      }
    }
  }

  private static long stamp(@Nullable Path jar) {
    if (jar == null) {
      return 0;
    }
    try {
      return Files.size(jar) * 31 + Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  private static void log(String message) {
    System.err.println(java.time.Instant.now() + " backend-review daemon: " + message);
  }
}
