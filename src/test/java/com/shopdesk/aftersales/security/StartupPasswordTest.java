package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.shopdesk.aftersales.AfterSalesApplication;
import com.shopdesk.aftersales.security.startup.StartupRefusedException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * No known password outside the demo profile: the application itself, started as production would start it
 * (no demo profile), each start on its own H2 file under target/.
 */
class StartupPasswordTest {
  private static final AtomicInteger STARTS = new AtomicInteger();

  @Test
  void withoutAnAdminPasswordTheAppRefusesToStartBeforeTouchingTheDatabase() throws Exception {
    Assumptions.assumeTrue(System.getenv("AFTERSALES_ADMIN_PASSWORD") == null,
        "AFTERSALES_ADMIN_PASSWORD is set in this environment");
    Path database = newDatabase();

    Throwable refused = catchThrowable(() -> start(database, false));

    assertThat(refusal(refused).getMessage()).contains("admin").contains("Set the environment variable AFTERSALES_ADMIN_PASSWORD");
    assertThat(Files.exists(database.resolveSibling("aftersales.mv.db"))).as("database file").isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "demo"})
  void aBlankOrDemoAdminPasswordIsRefusedToo(String password) throws Exception {
    Path database = newDatabase();

    Throwable refused = catchThrowable(() -> start(database, false, "--camunda.bpm.admin-user.password=" + password));

    assertThat(refusal(refused).getMessage()).contains("AFTERSALES_ADMIN_PASSWORD");
    assertThat(Files.exists(database.resolveSibling("aftersales.mv.db"))).as("database file").isFalse();
  }

  @Test
  void aDatabaseADemoRunLeftBehindStartsOnlyOnceNobodyHasTheDemoPassword() throws Exception {
    Path database = newDatabase();
    try (ConfigurableApplicationContext demo = start(database, true)) {
      changePassword(demo, "admin", "admin-now-secret", "demo");
      changePassword(demo, "agent1", "agent1-now-secret", "admin-now-secret");
    }
    List<String> before = snapshot(database);

    Throwable refused = catchThrowable(() -> start(database, false, "--camunda.bpm.admin-user.password=admin-now-secret"));

    String message = refusal(refused).getMessage();
    assertThat(message).contains("'demo': agent2, analyst1, manager1, platform1, wh1.")
        .contains("Change their passwords in Camunda Admin").contains("delete ./data");
    assertThat(snapshot(database)).as("users, their failed logins, deployments").isEqualTo(before);

    try (ConfigurableApplicationContext demo = start(database, true)) {
      for (String user : List.of("agent2", "analyst1", "manager1", "platform1", "wh1")) {
        changePassword(demo, user, user + "-now-secret", "admin-now-secret");
      }
    }
    try (ConfigurableApplicationContext production =
        start(database, false, "--camunda.bpm.admin-user.password=admin-now-secret")) {
      assertThat(production.isActive()).isTrue();
    }
  }

  /** The first StartupRefusedException in the chain of causes. */
  private static StartupRefusedException refusal(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof StartupRefusedException refused) {
        return refused;
      }
    }
    throw new AssertionError("the start was not refused", thrown);
  }

  private static Path newDatabase() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "startup-" + System.nanoTime())).toAbsolutePath();
    return dir.resolve("aftersales");
  }

  private static ConfigurableApplicationContext start(Path database, boolean demo, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.datasource.url=jdbc:h2:file:" + database + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE",
        "--server.port=0",
        "--camunda.bpm.job-execution.enabled=false",
        // one engine name (no hyphens, or the starter falls back to "default") per start: the shared test
        // application's engine is "default"
        "--camunda.bpm.process-engine-name=startupCheck" + STARTS.incrementAndGet(),
        // a second app's webapps, once closed, leave the shared test app's webapp API answering 500
        "--camunda.bpm.webapp.enabled=false"));
    args.addAll(List.of(more));
    SpringApplicationBuilder app = new SpringApplicationBuilder(AfterSalesApplication.class);
    if (demo) {
      app.profiles("demo");
    }
    return app.run(args.toArray(String[]::new));
  }

  /** As Admin does it: the new password, confirmed with the admin's own (current) password. */
  private static void changePassword(ConfigurableApplicationContext app, String user, String newPassword,
      String adminPassword) throws Exception {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    String engine = app.getEnvironment().getProperty("camunda.bpm.process-engine-name");
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/engine/" + engine + "/user/" + user + "/credentials"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)))
        .PUT(HttpRequest.BodyPublishers.ofString(
            "{\"password\":\"" + newPassword + "\",\"authenticatedUserPassword\":\"" + adminPassword + "\"}"))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(204);
  }

  private static List<String> snapshot(Path database) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "");
         Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery(
          "SELECT ID_, PWD_, SALT_, ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER ORDER BY ID_")) {
        while (r.next()) {
          rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getInt(4) + " " + r.getString(5));
        }
      }
      try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT")) {
        r.next();
        rows.add("deployments " + r.getInt(1));
      }
    }
    return rows;
  }
}
