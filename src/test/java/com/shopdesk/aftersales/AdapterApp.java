package com.shopdesk.aftersales;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A second app for an adapter's contract test: the real application wired with the adapter under test (its
 * arguments), on an in-memory database and an engine name of its own, a random port and no webapps, retrying a
 * failed step twice a second apart; and what those tests do with it: call its API, run a business key's jobs as the
 * job executor would, each failure counting a retry down.
 */
public final class AdapterApp implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();
  public final ProcessEngine engine;
  public final JdbcTemplate jdbc;
  public final int port;

  private AdapterApp(ConfigurableApplicationContext context) {
    this.context = context;
    this.engine = context.getBean(ProcessEngine.class);
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  public static AdapterApp start(String engineName, String... adapterArguments) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--camunda.bpm.process-engine-name=" + engineName,
        // a second app's webapps, once closed, leave the shared test app's webapp API answering 500
        "--camunda.bpm.webapp.enabled=false", "--aftersales.retry-cycle=R3/PT1S"));
    args.addAll(List.of(adapterArguments));
    return new AdapterApp(new SpringApplicationBuilder(AfterSalesApplication.class).profiles("test")
        .run(args.toArray(String[]::new)));
  }

  /** One of the app's beans, for a test that calls an adapter the way its step does. */
  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** A JSON call of the product API as the admin. */
  public HttpResponse<String> asAdmin(String method, String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:test-admin".getBytes()))
        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Runs the due jobs (not timers) of every running instance with this business key until none is left. */
  public void runJobs(String businessKey) {
    for (int round = 0; round < 30; round++) {
      List<Job> due = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
          .list().stream().flatMap(pi -> jobsOf(pi.getId())).toList();
      if (due.isEmpty()) return;
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException failed) {
          // the engine counted the retry down, as the job executor would
        }
      }
    }
  }

  /** The incidents of the running instances with this business key where they happened, not their echo on a caller. */
  public List<Incident> incidents(String businessKey) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
        .stream()
        .flatMap(pi -> engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).list().stream())
        .filter(incident -> incident.getId().equals(incident.getRootCauseIncidentId()))
        .toList();
  }

  private Stream<Job> jobsOf(String processInstanceId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).withRetriesLeft()
        .list().stream()
        .filter(job -> engine.getManagementService().createJobQuery().jobId(job.getId()).timers().count() == 0);
  }

  @Override
  public void close() {
    context.close();
  }
}
