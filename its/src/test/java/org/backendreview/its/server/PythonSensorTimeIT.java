/*
 * Backend Review for SonarQube
 * Copyright (C) 2026 Backend Review contributors
 * SPDX-License-Identifier: LGPL-3.0-only
 */
package org.backendreview.its.server;

import com.sonar.orchestrator.build.BuildResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.backendreview.its.common.Its;
import org.backendreview.its.common.PluginMetadata;
import org.backendreview.its.ruling.DebianPackage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #19: our pack's share of SonarPython's sensor time inside SonarQube, on a large Django project (Debian's
 * {@code python3-django-horizon}, 1,005 files, 135 k lines, fetched at test time like the ruling's packages).
 * <p>
 * The same sources are scanned with four Python quality profiles, in rounds ({@code -Dits.perf.rounds}, default 3; the
 * order rotates each round so a load trend on the machine does not favour one profile):
 * <ul>
 *   <li>{@value #EMPTY}: no rule active. The sensor still parses every file, builds the project symbol table and each
 *   file's semantic model: the frontend's fixed cost;</li>
 *   <li>"Sonar way": SonarPython's built-in profile;</li>
 *   <li>"Backend Review way": ours (recommended rules) + Sonar way, the profile users take;</li>
 *   <li>{@value #OURS}: only the rules of ours that "Backend Review way" activates.</li>
 * </ul>
 * Each scan has its own project (so no analysis cache of an earlier scan is reused). Its sensor's wall time is read
 * from the scanner's log ({@code Sensor Python Sensor [python] (done) | time=...ms}), its CPU time is sampled from the
 * scanner's engine JVM between the sensor's log lines ({@link ScannerCpu}): on a shared machine the wall time mostly
 * measures the other processes. Reported, from the medians: our share {@code (Backend Review way - Sonar way) /
 * Backend Review way} and {@code ours only - empty}. The table goes to {@code its/target/perf/python-sensor-time.md}.
 * The test fails when our share of the CPU time (of the wall time when CPU could not be sampled), estimated both ways,
 * exceeds {@code -Dits.perf.maxShare} percent (default 5; {@code none} only reports).
 * <p>
 * Unless {@code -Dits.perf.jfr=false}, each scan is also recorded with JFR ({@code its/target/perf/jfr/}) and the report
 * gives our code's share of the analyzer's execution samples and allocated bytes, by check ({@link SensorProfile}): a
 * direct measure that does not depend on the load moving between scans, but a lower bound (SonarPython's own loop that
 * calls our consumers, the JIT compilation and the garbage collection of our code are not in it): the budget still
 * applies to the CPU-time estimates.
 * <p>
 * Not part of the server group: {@code mvn -B verify -Pits-server,its-perf} (docs/its.md, "Performance inside SonarQube").
 */
@Tag("perf")
@ExtendWith(SonarQubeExtension.class)
class PythonSensorTimeIT {

  static final String PACKAGE = "python3-django-horizon";
  static final String EMPTY = "Backend Review perf - empty";
  static final String SONAR_WAY = "Sonar way";
  static final String BACKEND_REVIEW_WAY = "Backend Review way";
  static final String OURS = "Backend Review perf - ours only";
  static final List<String> PROFILES = List.of(EMPTY, SONAR_WAY, BACKEND_REVIEW_WAY, OURS);

  @Test
  void our_share_of_the_python_sensor_time_on_horizon(SonarQubeServer server) throws IOException {
    int rounds = Integer.getInteger("its.perf.rounds", 3);
    String maxShare = System.getProperty("its.perf.maxShare", "5");
    String scannerJavaOpts = System.getProperty("its.perf.scannerJavaOpts", "");
    boolean jfr = Boolean.parseBoolean(System.getProperty("its.perf.jfr", "true"));
    Path recordings = Its.targetDir().resolve("perf").resolve("jfr");
    if (jfr) {
      Files.createDirectories(recordings);
    }
    Map<String, List<Double>> jfrShares = new LinkedHashMap<>();
    List<String> jfrScans = new ArrayList<>();
    DebianPackage horizon = DebianPackage.fetch(PACKAGE, Its.targetDir().resolve("perf"));
    Path sources = horizon.root().resolve("usr/lib/python3/dist-packages");
    long files;
    long lines = 0;
    try (Stream<Path> walk = Files.walk(sources)) {
      List<Path> py = walk.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).toList();
      files = py.size();
      for (Path p : py) {
        lines += Files.readAllLines(p, StandardCharsets.ISO_8859_1).size();
      }
    }

    createProfiles(server);
    Map<String, Integer> ruleCounts = new LinkedHashMap<>();
    Map<String, Integer> ourRuleCounts = new LinkedHashMap<>();
    for (String profile : PROFILES) {
      String key = WebApi.profileKey(server, profile);
      ruleCounts.put(profile, activeRules(server, key, null));
      ourRuleCounts.put(profile, activeRules(server, key, PluginMetadata.REPOSITORY));
    }

    Map<String, List<Long>> millis = new LinkedHashMap<>();
    Map<String, List<Long>> cpuMillis = new LinkedHashMap<>();
    PROFILES.forEach(p -> {
      millis.put(p, new ArrayList<>());
      cpuMillis.put(p, new ArrayList<>());
    });
    List<String> scans = new ArrayList<>();
    String loadBefore = loadAverage();
    for (int round = 1; round <= rounds; round++) {
      for (int i = 0; i < PROFILES.size(); i++) {
        String profile = PROFILES.get((i + round - 1) % PROFILES.size());
        String projectKey = "perf-horizon-" + slug(profile) + "-r" + round;
        WebApi.provision(server, projectKey, profile);
        Map<String, String> properties = new HashMap<>();
        String javaOpts = scannerJavaOpts.replace("@SCAN@", projectKey);
        Path recording = recordings.resolve(projectKey + ".jfr");
        if (jfr) {
          Files.deleteIfExists(recording);
          javaOpts = (javaOpts + " " + SensorProfile.javaOpts(recording)).trim();
        }
        if (!javaOpts.isBlank()) {
          properties.put("sonar.scanner.javaOpts", javaOpts);
        }
        String load = loadAverage();
        BuildResult result;
        Optional<ScannerCpu.SensorCpu> cpu;
        try (ScannerCpu sampler = ScannerCpu.start(SonarQubeServer.scannerUserHome())) {
          result = server.scan(sources, projectKey, properties);
          cpu = sampler.sensor(result.getLogs());
        }
        assertThat(result.isSuccess()).as("analysis of %s failed:%n%s", projectKey, result.getLogs()).isTrue();
        long sensor = SonarQubeServer.pythonSensorMillis(result.getLogs())
          .orElseThrow(() -> new AssertionError("no Python Sensor time in the scanner log of " + projectKey + ":\n" + result.getLogs()));
        millis.get(profile).add(sensor);
        cpu.ifPresent(c -> cpuMillis.get(profile).add(c.sensorMillis()));
        if (jfr && Files.isRegularFile(recording)) {
          SensorProfile samples = SensorProfile.read(recording);
          jfrShares.computeIfAbsent(profile, p -> new ArrayList<>()).add(samples.oursPercent());
          jfrScans.add(String.format(Locale.ROOT, "| %d | %s | %s |", round, profile, samples.describe(8)));
        }
        scans.add(String.format(Locale.ROOT, "| %d | %s | %,d | %s | %s | %s | %s | %s |", round, profile, sensor,
          cpu.map(c -> seconds(c.sensorMillis())).orElse("n/a"), cpu.map(c -> seconds(c.indexMillis())).orElse("n/a"),
          cpu.map(c -> seconds(c.analysisMillis())).orElse("n/a"), load, loadAverage()));
      }
    }
    String loadAfter = loadAverage();

    StringBuilder report = new StringBuilder();
    report.append(String.format(Locale.ROOT, "# Python sensor time on %s %s (%,d files, %,d lines), %s %s UTC%n%n",
      PACKAGE, horizon.version(), files, lines, LocalDate.now(ZoneOffset.UTC), LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)));
    report.append(String.format(Locale.ROOT, "SonarQube %s, scanner %s, %d rounds, %d CPUs; load average (1/5/15 min) before %s, after %s%n%n",
      server.orchestrator().getServer().version(), System.getProperty("its.scanner.version"), rounds, Runtime.getRuntime().availableProcessors(),
      loadBefore, loadAfter));
    report.append("| profile | rules | of ours | sensor wall time per round (ms) | median | sensor CPU time per round (s) | median |\n|---|---|---|---|---|---|---|\n");
    for (String profile : PROFILES) {
      report.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %,d | %s | %s |%n", profile, ruleCounts.get(profile), ourRuleCounts.get(profile),
        String.join(", ", millis.get(profile).stream().map(v -> String.format(Locale.ROOT, "%,d", v)).toList()), median(millis.get(profile)),
        String.join(", ", cpuMillis.get(profile).stream().map(PythonSensorTimeIT::seconds).toList()),
        cpuMillis.get(profile).isEmpty() ? "n/a" : seconds(median(cpuMillis.get(profile)))));
    }
    List<Double> shares = new ArrayList<>();
    shares(report, "wall time", millis, shares);
    if (cpuMillis.values().stream().noneMatch(List::isEmpty)) {
      shares.clear();
      shares(report, "CPU time", cpuMillis, shares);
    }
    report.append("\n| round | profile | sensor wall (ms) | sensor CPU (s) | of which indexing | analysis | load before | load after |\n"
      + "|---|---|---|---|---|---|---|---|\n");
    scans.forEach(s -> report.append(s).append('\n'));
    if (!jfrScans.isEmpty()) {
      report.append("\nOur code's share of the Python analyzer's JFR execution samples (a lower bound: JIT compilation and GC run in other"
        + " threads; each row also gives the JIT's compilations of our methods), median per profile: ");
      report.append(jfrShares.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.1f %%", e.getKey(), medianOf(e.getValue())))
        .collect(java.util.stream.Collectors.joining(", ")));
      report.append("\n\n| round | profile | our share of the samples, by check |\n|---|---|---|\n");
      jfrScans.forEach(s -> report.append(s).append('\n'));
    }
    Path out = Its.targetDir().resolve("perf").resolve("python-sensor-time.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println("[its-perf] " + out + "\n" + report);

    if (!"none".equals(maxShare)) {
      double max = Double.parseDouble(maxShare);
      // both estimates (CPU time when sampled) must exceed the budget: one alone is within the noise of a shared machine.
      // Not the JFR share: it is a lower bound (SonarPython's dispatch to our consumers, the JIT and the GC are not in it).
      assertThat(Collections.min(shares)).as("our share of the Python sensor time (%%), see %s:%n%s", out, report).isLessThanOrEqualTo(max);
    }
  }

  /** The two profiles the server does not have: no rule at all, and only ours as in "Backend Review way". */
  private static void createProfiles(SonarQubeServer server) {
    server.post("api/qualityprofiles/create", "language", "py", "name", EMPTY);
    String ours = server.post("api/qualityprofiles/create", "language", "py", "name", OURS).getAsJsonObject("profile").get("key").getAsString();
    var result = server.post("api/qualityprofiles/activate_rules", "targetKey", ours, "repositories", PluginMetadata.REPOSITORY,
      "qprofile", WebApi.profileKey(server, BACKEND_REVIEW_WAY), "activation", "true");
    if (result.get("failed").getAsInt() != 0) {
      throw new AssertionError("Some rules could not be activated: " + result);
    }
  }

  private static int activeRules(SonarQubeServer server, String profileKey, String repository) {
    List<String> params = new ArrayList<>(List.of("qprofile", profileKey, "activation", "true", "ps", "1"));
    if (repository != null) {
      params.addAll(List.of("repositories", repository));
    }
    return server.get("api/rules/search", params.toArray(String[]::new)).get("total").getAsInt();
  }

  static double medianOf(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static long median(List<Long> values) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Appends our share estimated both ways from the medians, and adds both to {@code shares}. */
  private static void shares(StringBuilder report, String what, Map<String, List<Long>> values, List<Double> shares) {
    long brWay = median(values.get(BACKEND_REVIEW_WAY));
    long sonarWay = median(values.get(SONAR_WAY));
    long empty = median(values.get(EMPTY));
    long ours = median(values.get(OURS));
    double byProfiles = 100.0 * (brWay - sonarWay) / brWay;
    double byOurs = 100.0 * (ours - empty) / brWay;
    shares.add(byProfiles);
    shares.add(byOurs);
    report.append(String.format(Locale.ROOT, "%nBy %s (medians):%n%n", what));
    report.append(String.format(Locale.ROOT, "- our share, (Backend Review way - Sonar way) / Backend Review way: (%s - %s) / %s = **%.1f %%**%n",
      seconds(brWay), seconds(sonarWay), seconds(brWay), byProfiles));
    report.append(String.format(Locale.ROOT, "- ours only - empty: %s - %s = %s s = **%.1f %%** of Backend Review way%n",
      seconds(ours), seconds(empty), seconds(ours - empty), byOurs));
    report.append(String.format(Locale.ROOT, "- SonarPython's rules, Sonar way - empty: %s s = %.1f %% of Backend Review way; the frontend alone (empty): %.1f %%%n",
      seconds(sonarWay - empty), 100.0 * (sonarWay - empty) / brWay, 100.0 * empty / brWay));
  }

  private static String seconds(long millis) {
    return millis < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
  }

  private static String slug(String profile) {
    return profile.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
