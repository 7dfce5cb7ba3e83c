package com.shopdesk.aftersales.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The packaged application as a child process: its own port, working folder and log file under
 * target/child-logs, started with the demo users (password {@code demo}) and the job executor on.
 * Use it through {@link Children}, which stops what a test left running and prints the logs when it fails.
 */
public final class ChildApp {
  public static final String PASSWORD = "demo";
  private static final Path LOGS = Path.of("target", "child-logs");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private ChildApp(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** The jar `mvn package` built (failsafe passes its path); the child runs exactly what ships. */
  public static Path jar() {
    String path = System.getProperty("aftersales.jar");
    if (path == null) {
      throw new IllegalStateException("system property aftersales.jar is not set: run the *IT tests with "
          + "`./mvnw verify` (failsafe), which builds the jar first");
    }
    Path jar = Path.of(path);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: run `./mvnw verify`, which packages it first");
    }
    return jar;
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  /**
   * Starts {@code java -jar} on the jar with profile demo (plus {@code extraProfiles}), the port and
   * {@code aftersales.data-dir=<workDir>/data}. The working folder is {@code workDir} too, so a build that
   * still keeps H2 in "./data" uses the same folder. Only {@code env} reaches the child of the AFTERSALES_
   * variables, so a developer's own settings cannot point it at another database.
   */
  static ChildApp start(String name, int port, Path workDir, String extraProfiles, Map<String, String> env,
      List<String> args) {
    try {
      Files.createDirectories(workDir);
      Files.createDirectories(LOGS);
      Path log = LOGS.resolve(name + ".log").toAbsolutePath();
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          // C1 only and one GC thread: a quicker start on the 2-core CI machine, nothing the tests observe
          "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
          "-jar", jar().toAbsolutePath().toString(),
          "--spring.profiles.active=demo" + (extraProfiles == null ? "" : "," + extraProfiles),
          "--server.port=" + port,
          "--aftersales.data-dir=" + workDir.toAbsolutePath().resolve("data")));
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectErrorStream(true)
          // a file, not a pipe: the child never blocks on a full pipe nobody reads
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().keySet().removeIf(k -> k.startsWith("AFTERSALES_") || k.startsWith("SPRING_")
          || k.equals("PORT"));
      builder.environment().putAll(env);
      Files.writeString(log, "=== " + String.join(" ", command) + System.lineSeparator(),
          StandardCharsets.UTF_8);
      Process process = builder.start();
      return new ChildApp(name, port, log, process);
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + name, e);
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits until the app answers and its ready-time set-up has run: the demo user platform1, created last, is
   * in its group. Asked as the admin, who exists from the engine's start, so no wrong password is ever sent
   * (the login throttle would slow the probe down). Fails with the log's tail if the child exits first.
   */
  public ChildApp awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with code " + process.exitValue() + " before it was ready; "
            + "log " + log + ":\n" + logTail(80));
      }
      try {
        HttpResponse<String> r = HTTP.send(request("GET",
            "/engine-rest/user/count?id=platform1&memberOfGroup=integrations", null, "admin")
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        last = r.statusCode() + " " + r.body();
        if (r.statusCode() == 200 && JSON.readTree(r.body()).path("count").asInt() == 1) {
          return this;
        }
      } catch (IOException notListeningYet) {
        last = notListeningYet.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      sleep(250);
    }
    throw new AssertionError(name + " not ready within " + timeout + " (last probe: " + last + "); log " + log
        + ":\n" + logTail(80));
  }

  /**
   * SIGKILL: no shutdown hook, no connection pool closing, no last flush. {@link Process#destroyForcibly()}
   * sends SIGKILL on Linux; the exit code 128 + 9 proves that it was that signal that ended the JVM.
   */
  public int kill9() {
    process.destroyForcibly();
    int code = waitForExit(Duration.ofSeconds(30));
    if (code != 137) {
      throw new AssertionError(name + " (pid " + process.pid() + ") ended with " + code + ", not 137 (SIGKILL)");
    }
    appendToLog("=== killed with SIGKILL by the test");
    return code;
  }

  /** SIGTERM, Spring's graceful shutdown; SIGKILL if that takes more than 30 s. */
  public void stop() {
    if (!process.isAlive()) return;
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private int waitForExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(name + " (pid " + process.pid() + ") still running " + timeout + " after a kill");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log " + log + " unreadable: " + e + ")";
    }
  }

  /** The log's lines that contain {@code text}. */
  public List<String> logLines(String text) {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(text)).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void appendToLog(String line) {
    try {
      Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException ignored) {
      // only a marker for the reader
    }
  }

  // --- HTTP as a client of the child ------------------------------------------------------------------

  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  /**
   * One request as {@code user} (password demo). Throws {@link IOException} when the child does not answer,
   * e.g. because it was killed: the caller decides whether that is an unknown outcome or a failure.
   */
  public Response call(String method, String path, String body, String user) throws IOException {
    try {
      HttpResponse<String> r = HTTP.send(request(method, path, body, user).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** {@link #call} for requests that must be answered: no answer fails the test. */
  public Response send(String method, String path, String body, String user) {
    try {
      return call(method, path, body, user);
    } catch (ConnectException e) {
      throw new AssertionError(name + " does not listen (alive: " + process.isAlive() + ") for " + method + " "
          + path, e);
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " on " + name + " got no answer", e);
    }
  }

  private HttpRequest.Builder request(String method, String path, String body, String user) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * The children of one test: register as a JUnit extension field, start through it. After each test it
   * stops whatever still runs; when the test failed, it prints the tail of every child's log.
   */
  public static final class Children implements AfterEachCallback, TestWatcher {
    private final List<ChildApp> started = new CopyOnWriteArrayList<>();

    public ChildApp start(String name, int port, Path workDir, String extraProfiles, Map<String, String> env,
        String... args) {
      ChildApp app = ChildApp.start(name, port, workDir, extraProfiles, env, List.of(args));
      started.add(app);
      System.out.println("[" + name + "] pid " + app.pid() + " on port " + port + ", log " + app.log());
      return app;
    }

    @Override
    public void afterEach(ExtensionContext context) {
      started.forEach(ChildApp::stop);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      for (ChildApp app : started) {
        System.out.println("===== " + app.name() + " (pid " + app.pid() + "), last 150 lines of " + app.log()
            + " =====\n" + app.logTail(150));
      }
    }
  }
}
