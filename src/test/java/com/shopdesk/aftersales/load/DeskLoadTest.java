package com.shopdesk.aftersales.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.AfterSalesApplication;
import com.shopdesk.aftersales.operations.FreshPostgres;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 200 clients at once against the shipped configuration (pool size, job executor on), on H2 (a file database,
 * as shipped) and on PostgreSQL: the platform imports orders, agents open cases and decide 同意退款, the courier
 * pushes interceptions, for a fixed number of cases. Nobody gets a 5xx or a transport error, and once the load
 * stops every case the API acknowledged closes REFUNDED with one refund and one payment, no job is left locked
 * or failed, and no thread ever held two of the pool's connections at once.
 *
 * <p>The app runs as shipped: not under the {@code test} profile (an in-memory H2, no job executor, a courier
 * redelivery sweep once an hour) but with application.yaml's settings, the H2 file in a temporary
 * {@code aftersales.data-dir}, plus the test profile's users (password {@code test-pass}, admin {@code test-admin}).
 * Its engine REST API is reached by engine name ({@code /engine-rest/engine/<name>/...}): the shared test app,
 * when the whole suite runs, is the JVM's default engine.
 *
 * <p>Nothing here asserts speed (the benchmark measures that); the waits are bounds, with a message. The figures
 * are printed and kept in {@code target/load-figures-<database>.txt}.
 */
class DeskLoadTest {
  // 300 cases on 200 clients: the first 200 orders and intakes arrive at once; about 1,000 requests and the
  // polls in between, about a minute of load on 2 cores
  private static final int AUTO_REFUNDS = 160;
  private static final int INTERCEPTIONS = 80;
  private static final int AGENT_DECISIONS = 60;
  /** How long the job executor may take to finish the cases once the clients stop (a bound, not a target). */
  private static final long DRAIN_SECONDS = 180;
  private static final Set<String> VERIFY = Set.of("verify case", "verify payments");

  @Test
  void twoHundredClientsOnH2(@TempDir Path dataDir) throws Exception {
    run("H2", "loadH2", new String[] {}, "--aftersales.data-dir=" + dataDir);
  }

  @Test
  void twoHundredClientsOnPostgres() throws Exception {
    try (FreshPostgres db = FreshPostgres.create("aftersales_load")) {
      run("PostgreSQL", "loadPostgres", new String[] {"postgres"},
          "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + FreshPostgres.USER);
    }
  }

  private void run(String database, String engineName, String[] profiles, String... databaseArgs) throws Exception {
    ConnectionWatch watch = new ConnectionWatch("dataSource");
    List<String> args = new ArrayList<>(List.of(databaseArgs));
    args.addAll(List.of("--server.port=0", "--camunda.bpm.process-engine-name=" + engineName,
        // a second app's webapps, once closed, leave the shared test app's webapp API answering 500
        "--camunda.bpm.webapp.enabled=false",
        // as shipped (the test profile switches it off so other tests run jobs one by one)
        "--camunda.bpm.job-execution.enabled=true",
        // the nightly history cleanup (01:00-05:00 Shanghai, when a run may fall) is no case's work and takes a
        // second connection of its own after each commit; this run measures the desk's load, not the cleanup
        "--camunda.bpm.generic-properties.properties.history-cleanup-enabled=false",
        // the test profile's users and passwords, without the rest of that profile
        "--camunda.bpm.admin-user.password=" + LoadRun.ADMIN_PASSWORD, "--aftersales.demo-users.enabled=true",
        "--aftersales.demo-users.password=" + LoadRun.PASSWORD));
    long startedAt = System.nanoTime();
    ConfigurableApplicationContext app = new SpringApplicationBuilder(AfterSalesApplication.class)
        .profiles(profiles)
        .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(watch))
        .run(args.toArray(String[]::new));
    try {
      long startMillis = (System.nanoTime() - startedAt) / 1_000_000;
      loadAndCheck(app, database, engineName, watch, startMillis);
    } finally {
      app.close();
    }
  }

  private void loadAndCheck(ConfigurableApplicationContext app, String database, String engineName,
      ConnectionWatch watch, long startMillis) throws Exception {
    int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    String runId = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    LoadRun load = new LoadRun(port, engineName, runId);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    ManagementService jobs = engine.getManagementService();
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    if (!(watch.pool() instanceof HikariDataSource hikari)) {
      throw new AssertionError("the shop's pool, bean 'dataSource', is no HikariDataSource: " + watch.pool());
    }
    PoolSampler pool = new PoolSampler(hikari.getHikariPoolMXBean());

    watch.arm();
    pool.start();
    load.play(AUTO_REFUNDS, INTERCEPTIONS, AGENT_DECISIONS);

    // the drain: the job executor finishes what the clients handed over
    long drainStart = System.nanoTime();
    String ours = "L" + runId + "-%";
    Set<String> mustClose = load.handedOver.stream().map(LoadRun.Played::caseNo).collect(Collectors.toSet());
    boolean drained = false;
    while (System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(DRAIN_SECONDS)) {
      if (openOf(jdbc, ours, mustClose).isEmpty() && ofCases(jobs.createJobQuery().executable().list()).isEmpty()
          && ofCases(jobs.createJobQuery().acquired().list()).isEmpty()) {
        drained = true;
        break;
      }
      Thread.sleep(250);
    }
    long drainMillis = (System.nanoTime() - drainStart) / 1_000_000;
    pool.stop();
    watch.disarm();

    // every acknowledged case, as the desk and the payment provider see it
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    ExecutorService verifiers = Executors.newFixedThreadPool(8);
    ObjectMapper json = new ObjectMapper();
    for (LoadRun.Played c : load.handedOver) {
      verifiers.execute(() -> {
        String problem = endOf(load, json, c);
        if (problem != null) wrong.add(c.kind() + " " + c.caseNo() + " (order " + c.orderNo() + "): " + problem);
      });
    }
    verifiers.shutdown();
    verifiers.awaitTermination(5, TimeUnit.MINUTES);

    List<Job> failed = jobs.createJobQuery().withException().list();
    List<Job> locked = ofCases(jobs.createJobQuery().acquired().list());
    long due = ofCases(jobs.createJobQuery().executable().list()).size();
    long incidents = engine.getRuntimeService().createIncidentQuery().count();

    int planned = AUTO_REFUNDS + INTERCEPTIONS + AGENT_DECISIONS;
    Set<String> loadKinds = load.latencies.keySet().stream().filter(k -> !VERIFY.contains(k))
        .collect(Collectors.toSet());
    String figures = """
        ---- load on %s ----------------------------------------------------------------
        clients %d (peak in flight %d); cases planned %d (auto refund %d, interception %d, agent decision %d), \
        acknowledged %d, played to the end by their clients %d
        load requests %d in %.1f s; then %d verification requests
        %s\
        5xx %d, transport errors/timeouts %d, other unexpected answers or stalls %d
          %s
        courier pushes answered deliveredTo 0 (the redelivery sweep delivered the event meanwhile) %d
        pool: maximumPoolSize %d, peak active %d, peak threads waiting for a connection %d; \
        job executor threads core %s / max %s
        connections: %d taken from the pool during the run, peak held at once %d, \
        times a thread took a second while holding one %d
        drain after the load: %s in %.1f s; due jobs left %d, locked jobs left %d, jobs with exception %d, \
        incidents %d; cases in a wrong end state %d
        app start %.1f s
        """.formatted(database, LoadRun.CLIENTS, load.inFlightPeak.get(), planned, AUTO_REFUNDS, INTERCEPTIONS,
        AGENT_DECISIONS, load.acknowledged.size(), load.handedOver.size(), load.requests(loadKinds),
        load.loadMillis / 1000.0, load.requests(VERIFY), load.latencyTable(loadKinds), load.serverErrors.size(),
        load.transportErrors.size(), load.unexpected.size(), failureSummary(load), load.pushesDeliveredElsewhere.get(),
        hikari.getMaximumPoolSize(), pool.activePeak.get(), pool.waitingPeak.get(),
        app.getEnvironment().getProperty("camunda.bpm.job-execution.core-pool-size", "3 (starter default)"),
        app.getEnvironment().getProperty("camunda.bpm.job-execution.max-pool-size", "10 (starter default)"),
        watch.taken(), watch.heldPeak(), watch.secondCount(), drained ? "done" : "NOT done", drainMillis / 1000.0,
        due, locked.size(), failed.size(), incidents, wrong.size(), startMillis / 1000.0);
    System.out.println(figures);
    Path out = Path.of("target", "load-figures-" + database.toLowerCase() + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, figures);

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(load.serverErrors).as("5xx answers (%d)", load.serverErrors.size()).isEmpty();
    soft.assertThat(load.transportErrors).as("transport errors and timeouts").isEmpty();
    soft.assertThat(load.unexpected).as("other unexpected answers and stalled cases").isEmpty();
    soft.assertThat(load.handedOver).as("cases the API acknowledged and their clients played to the end")
        .hasSize(planned);
    soft.assertThat(drained).as("every case closed and no job due or locked %d s after the load; still open: %s",
        DRAIN_SECONDS, drained ? "" : stillOpen(jdbc, jobs, ours, mustClose)).isTrue();
    soft.assertThat(locked).as("jobs still locked after the drain").extracting(DeskLoadTest::describe).isEmpty();
    soft.assertThat(failed).as("jobs with an exception").extracting(DeskLoadTest::describe).isEmpty();
    soft.assertThat(incidents).as("incidents").isZero();
    soft.assertThat(wrong).as("cases not CLOSED/REFUNDED with one refund and one payment").isEmpty();
    soft.assertThat(watch.seconds().entrySet()).as("places where a thread held two pooled connections at once")
        .extracting(e -> e.getValue().count.sum() + " × " + e.getKey() + "\n" + e.getValue().stack).isEmpty();
    soft.assertAll();
  }

  /** Null when the case ended as expected; else what is wrong with it. */
  private static String endOf(LoadRun load, ObjectMapper json, LoadRun.Played c) {
    LoadRun.Answer view = load.send("verify case", "admin", "GET", "/api/cases/" + c.caseNo(), null);
    LoadRun.Answer paid = load.send("verify payments", "platform1", "GET", "/sandbox/payments?orderNo=" + c.orderNo(), null);
    if (view.status() != 200 || paid.status() != 200) {
      if (view.status() >= 500 || view.status() < 0) load.serverErrors.add(new LoadRun.Failure("verify case", "GET",
          "/api/cases/" + c.caseNo(), view.status(), view.body()));
      if (paid.status() >= 500 || paid.status() < 0) load.serverErrors.add(new LoadRun.Failure("verify payments",
          "GET", "/sandbox/payments?orderNo=" + c.orderNo(), paid.status(), paid.body()));
      return "case view " + view.status() + ", payments " + paid.status();
    }
    try {
      JsonNode v = json.readTree(view.body());
      JsonNode payments = json.readTree(paid.body());
      List<String> problems = new ArrayList<>();
      if (!v.path("status").asText().equals("CLOSED") || !v.path("resolution").asText().equals("REFUNDED")) {
        problems.add("status " + v.path("status").asText() + "/" + v.path("resolution").asText());
      }
      JsonNode refunds = v.path("refunds");
      if (refunds.size() != 1 || !refunds.get(0).path("status").asText().equals("SUCCEEDED")
          || refunds.get(0).path("amount").decimalValue().compareTo(c.amount()) != 0) {
        problems.add("refunds " + refunds);
      }
      if (payments.size() != 1 || new BigDecimal(payments.get(0).path("AMOUNT").asText(
          payments.get(0).path("amount").asText("0"))).compareTo(c.amount()) != 0) {
        problems.add("sandbox payments " + payments);
      }
      return problems.isEmpty() ? null : String.join("; ", problems);
    } catch (Exception e) {
      return "unreadable: " + e;
    }
  }

  /** The handed-over cases still open: case number, process and instance id. */
  private static List<String> openOf(JdbcTemplate jdbc, String ours, Set<String> mustClose) {
    return jdbc.queryForList("SELECT case_no || ' ' || process_key || ' ' || COALESCE(process_instance_id, '-') "
            + "FROM cases WHERE order_no LIKE ? AND status <> 'CLOSED' ORDER BY case_no", String.class, ours)
        .stream().filter(row -> mustClose.contains(row.substring(0, row.indexOf(' ')))).toList();
  }

  private static String stillOpen(JdbcTemplate jdbc, ManagementService jobs, String ours, Set<String> mustClose) {
    List<String> open = openOf(jdbc, ours, mustClose);
    String sample = open.stream().limit(10).map(row -> {
      String instance = row.substring(row.lastIndexOf(' ') + 1);
      String jobsOf = jobs.createJobQuery().processInstanceId(instance).list().stream().map(DeskLoadTest::describe)
          .collect(Collectors.joining(", "));
      return row + " jobs [" + jobsOf + "]";
    }).collect(Collectors.joining("\n  "));
    String stuck = ofCases(jobs.createJobQuery().executable().list()).stream().limit(10).map(DeskLoadTest::describe)
        .collect(Collectors.joining("\n  "));
    return open.size() + " cases" + (open.isEmpty() ? "" : ", e.g.\n  " + sample)
        + (stuck.isEmpty() ? "" : "\n due or locked jobs (of any case):\n  " + stuck);
  }

  /** The jobs of process instances: the history cleanup's own job waits for its nightly window, no case's work. */
  private static List<Job> ofCases(List<Job> jobs) {
    return jobs.stream().filter(j -> j.getProcessInstanceId() != null).toList();
  }

  private static String failureSummary(LoadRun load) {
    Queue<LoadRun.Failure> all = new ConcurrentLinkedQueue<>(load.serverErrors);
    all.addAll(load.transportErrors);
    all.addAll(load.unexpected);
    return all.isEmpty() ? "none" : LoadRun.byKind(all);
  }

  /** A job in words, from its own fields (its activity would need a command context to look up). */
  private static String describe(Job j) {
    String where = j instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity e
        ? e.getJobHandlerType() + " " + e.getJobHandlerConfigurationRaw() + ", locked by " + e.getLockOwner()
            + " until " + e.getLockExpirationTime()
        : "";
    return j.getId() + " " + where + ", retries " + j.getRetries() + ", due " + j.getDuedate()
        + (j.getExceptionMessage() == null ? "" : ", exception: " + j.getExceptionMessage());
  }

  /** Samples the pool's MXBean: how many connections were in use and how many threads waited for one. */
  private static final class PoolSampler {
    private final HikariPoolMXBean pool;
    private final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicInteger activePeak = new AtomicInteger();
    final AtomicInteger waitingPeak = new AtomicInteger();
    private Thread thread;

    PoolSampler(HikariPoolMXBean pool) {
      this.pool = pool;
    }

    void start() {
      thread = new Thread(() -> {
        while (running.get()) {
          activePeak.accumulateAndGet(pool.getActiveConnections(), Math::max);
          waitingPeak.accumulateAndGet(pool.getThreadsAwaitingConnection(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "load-pool-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }
}
