/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sonar.orchestrator.Orchestrator;
import com.sonar.orchestrator.build.BuildResult;
import com.sonar.orchestrator.build.SonarScanner;
import com.sonar.orchestrator.config.Configuration;
import com.sonar.orchestrator.http.HttpCall;
import com.sonar.orchestrator.http.HttpMethod;
import com.sonar.orchestrator.junit5.OrchestratorExtension;
import com.sonar.orchestrator.locator.FileLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backendreview.its.common.Its;
import org.backendreview.its.common.Timings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real SonarQube Community Build for all server IT classes of a test JVM, started through SonarSource's
 * Orchestrator from the zip in the local Maven repository, offline:
 * <ul>
 *   <li>unpacked into a fresh directory under {@code /tmp} (every parent must be traversable by the server user),
 *   deleted at the end; the server logs are first copied to {@code its/target/sonarqube-logs/};</li>
 *   <li>only the bundled python analyzer is kept, plus our plugin jar; H2, loopback, free ports (Orchestrator);</li>
 *   <li>started with a JDK 21+ and, when the tests run as root, as the unprivileged {@link ServerUser} (Elasticsearch
 *   refuses root): Orchestrator runs {@code <java.home>/bin/java}, and java.home is a generated directory whose
 *   {@code bin/java} records its pid and {@code exec}s {@code setpriv} + the real JDK, so the pid stays the app JVM's;</li>
 *   <li>stopped by Orchestrator, then by pid (the app JVM and its children) whatever is still alive, also when a test
 *   failed, when start-up failed, and from a shutdown hook when the JVM exits without closing the store.</li>
 * </ul>
 */
public final class SonarQubeServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SonarQubeServer.class);
  private static final Pattern PYTHON_SENSOR_TIME = Pattern.compile("Sensor Python Sensor \\[python\\] \\(done\\) \\| time=(\\d+)ms");
  private static final String PYTHON_PLUGIN_PREFIX = "sonar-python-plugin";

  private final Path workspace;
  private final Path jdk;
  private final Path pidFile;
  private final Orchestrator orchestrator;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook = new Thread(this::close, "sonarqube-its-stop");
  private String adminToken;
  private boolean hsperfdataExisted = true;

  private SonarQubeServer(Path workspace, Path pidFile, Orchestrator orchestrator, Path jdk) {
    this.jdk = jdk;
    this.workspace = workspace;
    this.pidFile = pidFile;
    this.orchestrator = orchestrator;
  }

  /** Installs and starts the server; on any failure, stops what was started and deletes the workspace. */
  public static SonarQubeServer start() {
    Path zip = Path.of(System.getProperty("its.sonarqube.zip", ""));
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException("its.sonarqube.zip is not a file: " + zip + " (run with -Pits-server, see docs/its.md)");
    }
    Path workspace = createWorkspace();
    Path pidFile = workspace.resolve("sonarqube.pid");
    SonarQubeServer server;
    try {
      Path javaHome = workspace.resolve("java-home");
      Path jdk = JavaHomes.serverJdk();
      Configuration config = Configuration.builder()
        .setProperty("orchestrator.home", workspace.resolve("orchestrator-home").toString())
        .setProperty("orchestrator.workspaceDir", workspace.toString())
        .setProperty("maven.localRepository", System.getProperty("maven.localRepository", System.getProperty("user.home") + "/.m2/repository"))
        .setProperty("java.home", javaHome.toString())
        // orchestrator.artifactory.url stays unset on purpose: with the default, fixed versions are resolved without any
        // network call and found in the local Maven repository (the pom puts the zips there); any other URL makes
        // Orchestrator download maven-metadata.xml for every artifact
        .build();
      Orchestrator orchestrator = OrchestratorExtension.builder(config)
        .setZipFile(zip.toFile())
        .addBundledPluginToKeep(PYTHON_PLUGIN_PREFIX)
        .addPlugin(FileLocation.of(Its.pluginJar().toFile()))
        .useDefaultAdminCredentialsForBuilds(true)
        .setServerProperty("sonar.telemetry.enable", "false")
        .setServerProperty("sonar.updatecenter.activate", "false")
        .build();
      server = new SonarQubeServer(workspace, pidFile, orchestrator, jdk);
    } catch (RuntimeException e) {
      deleteQuietly(workspace);
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    try {
      server.doStart();
    } catch (RuntimeException | Error e) {
      LOG.error("SonarQube did not start: stopping what was started", e);
      server.close();
      throw e;
    }
    return server;
  }

  private void doStart() {
    hsperfdataExisted = Files.exists(hsperfdata());
    long t0 = System.nanoTime();
    orchestrator.install();
    long t1 = System.nanoTime();
    boolean root = ServerUser.isRoot();
    if (root) {
      ServerUser.ensureExists();
    }
    writeJavaHome(workspace, jdk, pidFile, root ? ServerUser.group() : null);
    if (root) {
      ServerUser.chown(orchestrator.getServer().getHome().toPath());
      ServerUser.chown(workspace.resolve("tmp"));
      String before = ServerUser.processes();
      if (!before.isEmpty()) {
        LOG.warn("Processes of user '{}' already running before this server starts (not ours, left alone):\n{}", ServerUser.NAME, before);
      }
    }
    long t2 = System.nanoTime();
    orchestrator.start();
    long t3 = System.nanoTime();
    Timings.record("server start (launch to 'Process[ce] is up')", t3 - t2);
    Timings.record("server install (unzip + plugins + chown)", t2 - t0);
    LOG.info("SonarQube {} up at {} in {} (install {}), pid {}", orchestrator.getServer().version(), url(), seconds(t3 - t2), seconds(t2 - t0), pid());
  }

  private static String seconds(long nanos) {
    return String.format("%.1f s", nanos / 1e9);
  }

  public Orchestrator orchestrator() {
    return orchestrator;
  }

  public String url() {
    return orchestrator.getServer().getUrl();
  }

  /** A user token of the admin (generated once). */
  public synchronized String adminToken() {
    if (adminToken == null) {
      adminToken = orchestrator.getDefaultAdminToken();
    }
    return adminToken;
  }

  /** The SonarQube home (unpacked zip). */
  public Path home() {
    return orchestrator.getServer().getHome().toPath();
  }

  public Path webLog() {
    return orchestrator.getServer().getWebLogs().toPath();
  }

  public Path ceLog() {
    return orchestrator.getServer().getCeLogs().toPath();
  }

  public long pid() {
    try {
      return Long.parseLong(Files.readString(pidFile).strip());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** GET on the Web API as admin, parsed. Parameters alternate name and value. */
  public JsonObject get(String path, String... params) {
    return call(HttpMethod.GET, path, params);
  }

  /** POST on the Web API as admin; the body parsed, or an empty object for 204. */
  public JsonObject post(String path, String... params) {
    return call(HttpMethod.POST, path, params);
  }

  private JsonObject call(HttpMethod method, String path, String... params) {
    HttpCall call = orchestrator.getServer().newHttpCall(path).setMethod(method).setAdminCredentials();
    for (int i = 0; i < params.length; i += 2) {
      call.setParam(params[i], params[i + 1]);
    }
    String body = call.execute().getBodyAsString();
    return body.isBlank() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject();
  }

  /** Runs the scanner CLI (version from the pom) on a directory and waits for the compute engine. */
  public BuildResult scan(Path projectDir, String projectKey, Map<String, String> properties) {
    SonarScanner scanner = SonarScanner.create(projectDir.toFile())
      .setScannerVersion(System.getProperty("its.scanner.version"))
      .setProjectKey(projectKey)
      .setProjectName(projectKey)
      .setSourceDirs(".")
      .setSourceEncoding("UTF-8")
      .setProperty("sonar.scm.disabled", "true")
      .setProperty("sonar.python.version", "3.12")
      // the scanner's cache (provisioned JRE 21, engine, plugins) stays in target/, outside the user's ~/.sonar
      .setProperty("sonar.userHome", scannerUserHome().toString())
      .setProperty("sonar.working.directory", Its.targetDir().resolve("scanner-work").resolve(projectKey).toString());
    properties.forEach(scanner::setProperty);
    long t0 = System.nanoTime();
    BuildResult result = orchestrator.executeBuildQuietly(scanner);
    Timings.record("scan " + projectKey + " (scanner + compute engine)", System.nanoTime() - t0);
    pythonSensorMillis(result.getLogs())
      .ifPresent(ms -> Timings.record("  of which Python Sensor (SonarPython + our checks)", ms * 1_000_000));
    return result;
  }

  /** The scanner's cache (provisioned JRE 21, engine, plugins), in target/ rather than the user's ~/.sonar. */
  static Path scannerUserHome() {
    return Its.targetDir().resolve("scanner-user-home");
  }

  /** The Python sensor's time from a scanner log ({@code Sensor Python Sensor [python] (done) | time=...ms}). */
  static OptionalLong pythonSensorMillis(String scannerLogs) {
    Matcher sensor = PYTHON_SENSOR_TIME.matcher(scannerLogs);
    return sensor.find() ? OptionalLong.of(Long.parseLong(sensor.group(1))) : OptionalLong.empty();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down
      }
    }
    long pid = pid();
    long t0 = System.nanoTime();
    try {
      orchestrator.stop();
    } catch (RuntimeException e) {
      LOG.warn("Orchestrator could not stop the server, stopping it by pid", e);
    }
    if (pid > 0) {
      List<Long> left = ServerProcesses.stop(pid, Duration.ofSeconds(60));
      if (!left.isEmpty()) {
        LOG.warn("Stopped leftover server processes by pid: {}", left);
      }
    }
    Timings.record("server stop", System.nanoTime() - t0);
    copyLogs();
    deleteEmptyHsperfdata();
    if (Boolean.getBoolean("its.server.keep")) {
      LOG.info("Keeping the server's files in {} (-Dits.server.keep=true)", workspace);
    } else {
      deleteQuietly(workspace);
    }
  }

  /** Every JVM keeps its perf data in /tmp/hsperfdata_&lt;user&gt;: remove the server user's if this run created it. */
  private Path hsperfdata() {
    return Path.of("/tmp", "hsperfdata_" + (ServerUser.isRoot() ? ServerUser.NAME : System.getProperty("user.name")));
  }

  private void deleteEmptyHsperfdata() {
    if (hsperfdataExisted || !ServerUser.isRoot()) {
      return;
    }
    try (Stream<Path> files = Files.list(hsperfdata())) {
      if (files.findAny().isEmpty()) {
        Files.delete(hsperfdata());
      }
    } catch (IOException e) {
      // gone already, or in use by another JVM of that user
    }
  }

  private void copyLogs() {
    try {
      if (orchestrator.getServer() == null) {
        return;
      }
      Path logs = home().resolve("logs");
      Path target = Its.targetDir().resolve("sonarqube-logs");
      Files.createDirectories(target);
      if (Files.isDirectory(logs)) {
        try (Stream<Path> files = Files.list(logs)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not copy the server logs", e);
    }
  }

  private static Path createWorkspace() {
    try {
      Path base = Path.of(System.getProperty("its.server.workDir", "/tmp"));
      Files.createDirectories(base);
      Path workspace = Files.createTempDirectory(base, "backendreview-its-sq-");
      Files.setPosixFilePermissions(workspace, PosixFilePermissions.fromString("rwxr-xr-x"));
      if (ServerUser.isRoot()) {
        ServerUser.checkTraversable(workspace.resolve("x"));
      }
      return workspace;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The directory Orchestrator takes as java.home. Its bin/java records its pid, then execs the real JDK, through
   * setpriv when running as root: exec keeps the pid, so the recorded pid is the SonarQube app JVM's.
   */
  static Path writeJavaHome(Path workspace, Path realJdk, Path pidFile, String group) {
    for (Path p : List.of(realJdk, workspace)) {
      if (p.toString().contains("'")) {
        throw new IllegalArgumentException("Unsupported path: " + p);
      }
    }
    Path home = workspace.resolve("java-home");
    Path java = home.resolve("bin/java");
    Path tmp = workspace.resolve("tmp");
    String script = """
      #!/bin/sh
      # Generated by the Backend Review ITs (SonarQubeServer): Orchestrator's java.home for the SonarQube server.
      # Records the pid, then execs the JDK 21+; as root, as user '%1$s' (Elasticsearch refuses root). exec keeps the pid.
      # JAVA_TOOL_OPTIONS: the JVMs SonarQube starts without their own java.io.tmpdir (Elasticsearch's launcher) write
      # into the workspace, deleted at the end, rather than into /tmp.
      echo $$ > '%2$s'
      export JAVA_TOOL_OPTIONS='-Djava.io.tmpdir=%4$s'
      if [ "$(id -u)" = 0 ]; then
        exec setpriv --reuid=%1$s --regid=%5$s --init-groups -- '%3$s' "$@"
      fi
      exec '%3$s' "$@"
      """.formatted(ServerUser.NAME, pidFile, realJdk.resolve("bin/java"), tmp, group == null ? ServerUser.NAME : group);
    try {
      Files.createDirectories(tmp);
      Files.createDirectories(java.getParent());
      Files.writeString(java, script, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return home;
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          LOG.warn("Cannot delete {}", p);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Cannot delete {}", dir, e);
    }
  }
}
