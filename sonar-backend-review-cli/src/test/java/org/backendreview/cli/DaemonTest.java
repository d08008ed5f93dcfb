/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backendreview.scanner.SampleProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backendreview.scanner.SampleProject.replace;
import static org.backendreview.scanner.SampleProject.write;

/**
 * The resident scanner answers exactly what a fresh run answers: a daemon thread and the client in this JVM, scan after
 * scan, across edits and projects; and the client falls back when there is no daemon or it dies mid-way.
 */
class DaemonTest {

  private static final Path FASTAPI_SERVICE = Path.of("../its/projects/fastapi-service").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  private Daemon daemon;
  private Thread serving;
  private Path socket;
  private int copies;

  private record Run(int code, String out, String err) {
  }

  private void startDaemon() throws IOException {
    socket = DaemonProtocol.privateDirectory(dir.resolve("daemons")).resolve("d-test.sock");
    daemon = Daemon.bind(socket, null, Duration.ofMinutes(5));
    serving = new Thread(daemon::serve, "test-daemon");
    serving.setDaemon(true);
    serving.start();
  }

  @AfterEach
  void stopDaemon() throws InterruptedException {
    if (daemon != null) {
      daemon.stop("test over");
      serving.join(30_000);
    }
  }

  private Run viaDaemon(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    var request = new DaemonProtocol.Request(DaemonProtocol.SCAN, cwd.toString(), List.of(args), Map.of("BACKEND_REVIEW_STDERR_TTY", "0"));
    DaemonClient.Outcome outcome = DaemonClient.send(socket, request, out, err);
    assertThat(outcome.failure()).isNull();
    return new Run(outcome.code(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Run fresh(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), cwd,
      Map.of("BACKEND_REVIEW_STDERR_TTY", "0")).run(args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The daemon's scan (with the findings cache) and a fresh run without a cache, on a copy of the project at a new path
   * (so that no cache of this JVM keyed by a path can answer for it): same report, same exit code.
   */
  private Run assertSameAsFresh(Path project, String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of("scan", ".", "--all", "--format", "json", "-q", "--cache-dir", dir.resolve("cache-" + project.getFileName()).toString()));
    args.addAll(List.of(options));
    Run daemonRun = viaDaemon(project, args.toArray(String[]::new));
    args.add("--no-cache");
    Run freshRun = fresh(SampleProject.copy(project, dir.resolve("fresh-" + ++copies)), args.toArray(String[]::new));
    assertThat(withoutBaseDir(daemonRun.out())).isEqualTo(withoutBaseDir(freshRun.out()));
    assertThat(daemonRun.code()).isEqualTo(freshRun.code());
    assertThat(daemonRun.err()).isEqualTo(freshRun.err());
    return daemonRun;
  }

  @Test
  void scans_through_the_daemon_equal_fresh_runs_across_edits() throws Exception {
    startDaemon();
    Path project = SampleProject.copyTo(dir.resolve("project"));

    Run first = assertSameAsFresh(project);
    assertThat(first.out()).contains("\"findings\"");
    assertThat(first.code()).isEqualTo(Main.FINDINGS);
    assertSameAsFresh(project);

    // a function body
    Files.writeString(project.resolve("inventory_service/main.py"), "# edited\n", java.nio.file.StandardOpenOption.APPEND);

    // project facts the checks read from other files and cache in memory: the declared dependencies and the settings
    String before = assertSameAsFresh(project).out();
    replace(project.resolve("pyproject.toml"), "\"fastapi\"", "\"fastapi>=0.115\"");
    replace(project.resolve("shopsite/settings/base.py"), "        \"NAME\": \"shop\",\n", "        \"NAME\": \"shop\",\n        \"ATOMIC_REQUESTS\": True,\n");
    String after = assertSameAsFresh(project).out();
    // every view runs in a transaction now: api/views.py's two writes no longer need one (read from the settings, cached in memory)
    String finding = "\"rule\" : \"backendreview:MultipleWritesWithoutTransaction\"";
    assertThat(before).contains(finding);
    assertThat(after).doesNotContain(finding);

    // a model another module's finding depends on
    replace(project.resolve("shop/models.py"), "class Product(TimeStamped):", "class Product:");
    assertSameAsFresh(project);

    // a new file, a deleted one, other options, another exit code
    write(project.resolve("api/extra.py"), "from shop.models import Order", "", "", "def bump(request, pk):", "    order = Order.objects.get(pk=pk)",
      "    order.quantity += 1", "    order.save()");
    Files.delete(project.resolve("inventory_service/config.py"));
    assertSameAsFresh(project);
    assertSameAsFresh(project, "--fail-on", "none");
    assertSameAsFresh(project, "--python-version", "3.8");
    assertSameAsFresh(project);
  }

  @Test
  void another_project_in_the_same_daemon_gives_what_a_fresh_run_gives() throws Exception {
    startDaemon();
    Path sample = SampleProject.copyTo(dir.resolve("sample"));
    Path service = SampleProject.copy(FASTAPI_SERVICE, dir.resolve("fastapi-service"));
    assertSameAsFresh(sample);
    Run other = assertSameAsFresh(service);
    assertThat(other.out()).contains("\"findings\"");
    assertSameAsFresh(sample, "--profile", "backend-review");
    assertSameAsFresh(service, "--profile", "backend-review");
    // the text report and the summary on stderr, with relative output paths resolved against the client's directory
    Run text = viaDaemon(service, "scan", "--rules", "SqlInjection,HttpRequestWithoutTimeout", "-o", "report.txt", "--no-cache");
    Run textFresh = fresh(service, "scan", "--rules", "SqlInjection,HttpRequestWithoutTimeout", "-o", "report-fresh.txt", "--no-cache");
    assertThat(text.code()).isEqualTo(textFresh.code()).isNotEqualTo(Main.ERROR);
    assertThat(text.err()).isEqualTo(textFresh.err().replace("report-fresh.txt", "report.txt"));
    assertThat(Files.readString(service.resolve("report.txt"))).isEqualTo(Files.readString(service.resolve("report-fresh.txt")));
    // usage errors are the command's, not the daemon's
    Run usage = viaDaemon(service, "scan", "--no-such-option");
    assertThat(usage.code()).isEqualTo(Main.ERROR);
    assertThat(usage.err()).contains("Unknown option --no-such-option");
  }

  @Test
  void status_and_stop() throws Exception {
    startDaemon();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    var status = DaemonClient.send(socket, new DaemonProtocol.Request(DaemonProtocol.STATUS, "", List.of(), Map.of()), out, new ByteArrayOutputStream());
    assertThat(status.ok()).isTrue();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("backend-review daemon", "0 scans");
    var stop = DaemonClient.send(socket, new DaemonProtocol.Request(DaemonProtocol.STOP, "", List.of(), Map.of()), new ByteArrayOutputStream(),
      new ByteArrayOutputStream());
    assertThat(stop.ok()).isTrue();
    serving.join(30_000);
    assertThat(serving.isAlive()).isFalse();
    assertThat(socket).doesNotExist();
    // nobody listens any more: the client is told it is not connected (it then starts a daemon, or falls back)
    var gone = DaemonClient.send(socket, new DaemonProtocol.Request(DaemonProtocol.SCAN, dir.toString(), List.of("scan"), Map.of()),
      new ByteArrayOutputStream(), new ByteArrayOutputStream());
    assertThat(gone.connected()).isFalse();
  }

  @Test
  void the_client_falls_back_when_no_daemon_can_run() throws Exception {
    // from the class directories there is no jar to start a daemon from: one line, and the launcher's exit code to scan without it
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>(Map.of("BACKEND_REVIEW_DAEMON_DIR", dir.resolve("daemons").toString()));
    int code = DaemonClient.run(new String[] {"--java", "/nonexistent/java", "--", "scan", "."}, env, out, err);
    assertThat(code).isEqualTo(DaemonClient.FALLBACK);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("backend-review: ").endsWith(": scanning without it\n").hasLineCount(1);
    assertThat(Files.getPosixFilePermissions(dir.resolve("daemons"))).hasToString("[OWNER_READ, OWNER_WRITE, OWNER_EXECUTE]");
  }

  @Test
  void a_daemon_dying_mid_way_makes_the_client_fall_back_without_output() throws Exception {
    socket = DaemonProtocol.privateDirectory(dir.resolve("daemons")).resolve("d-dying.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      Thread dying = new Thread(() -> {
        try (SocketChannel channel = server.accept()) {
          DaemonProtocol.Request.read(new DataInputStream(Channels.newInputStream(channel)));
          DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
          byte[] report = "{\"findings\": [".getBytes(StandardCharsets.UTF_8);
          DaemonProtocol.writeFrame(out, DaemonProtocol.OUT, report, 0, report.length);
          byte[] progress = "index 10/20\r".getBytes(StandardCharsets.UTF_8);
          DaemonProtocol.writeFrame(out, DaemonProtocol.ERR, progress, 0, progress.length);
          // killed here: the connection closes without an exit code
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      dying.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      var outcome = DaemonClient.send(socket, new DaemonProtocol.Request(DaemonProtocol.SCAN, dir.toString(), List.of("scan"), Map.of()), out, err);
      dying.join();
      assertThat(outcome.connected()).isTrue();
      assertThat(outcome.ok()).isFalse();
      assertThat(outcome.failure()).isEqualTo("the daemon stopped before the end of the scan");
      // the partial report is never printed: the scan run again without the daemon prints the whole one
      assertThat(out.size()).isZero();
    }
  }

  @Test
  void the_environment_sent_is_what_the_command_reads() {
    Map<String, String> env = DaemonProtocol.relevantEnvironment(Map.of("NO_COLOR", "1", "BACKEND_REVIEW_NO_CACHE", "1", "HOME", "/root",
      "AWS_SECRET_ACCESS_KEY", "x", "BACKEND_REVIEW_STDOUT_TTY", "1"));
    assertThat(env).containsOnlyKeys("NO_COLOR", "BACKEND_REVIEW_NO_CACHE", "BACKEND_REVIEW_STDOUT_TTY");
  }

  @Test
  void the_socket_depends_on_the_jar_the_java_and_the_options() throws IOException {
    Path jar = Files.writeString(dir.resolve("a.jar"), "jar");
    Path socketDir = dir.resolve("daemons");
    Path one = DaemonProtocol.socket(socketDir, jar, "/usr/bin/java", List.of("-Xmx1024m"));
    assertThat(DaemonProtocol.socket(socketDir, jar, "/usr/bin/java", List.of("-Xmx1024m"))).isEqualTo(one);
    assertThat(DaemonProtocol.socket(socketDir, jar, "/usr/bin/java", List.of("-Xmx2048m"))).isNotEqualTo(one);
    assertThat(DaemonProtocol.socket(socketDir, jar, "/opt/jdk/bin/java", List.of("-Xmx1024m"))).isNotEqualTo(one);
    Files.writeString(jar, "rebuilt jar");
    assertThat(DaemonProtocol.socket(socketDir, jar, "/usr/bin/java", List.of("-Xmx1024m"))).isNotEqualTo(one);
  }

  /** The JSON report without the base directory's absolute path (the reference runs on a copy). */
  private static String withoutBaseDir(String report) throws IOException {
    var json = (com.fasterxml.jackson.databind.node.ObjectNode) JsonReporter.MAPPER.readTree(report);
    assertThat(json.remove("baseDir")).isNotNull();
    return json.toPrettyString();
  }
}
