package com.shopdesk.aftersales.benchmark;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * The timer storm (phase 3): many timers of one side fall due at once, and the job executor works through them.
 * The project: the reusable {@code pickup-watch} (a parcel nobody picked up: its 48 h pickup timer, then the
 * async courier query, then the end); the bare side: a 48 h timer, then an async step before an agents' task.
 * Each side's instances are started in bulk in-process right before its own storm, so the job table holds one
 * side's timers at a time. The timers fall due by setting their due date to now in the job table (one UPDATE
 * per side) and waking the job executor; the engine clock is not moved, which would also make every other timer
 * due (the agents' 24 h deadlines left by the intake, the history cleanup window) and mix them in.
 *
 * <p>Rate: successful jobs (timers and the async steps they lead to, from the engine's job log) per second until
 * none of the side's jobs is left. Latency: from the moment they fell due until each instance was handled (the
 * pickup watch ended; the bare agents' task created). While each storm drains, a few auto-refunded cases are
 * opened over HTTP: their end-to-end latency shows whether other cases' async steps are starved.
 */
final class TimerStormPhase {
  private static final String PICKUP_WATCH = "pickup-watch";
  private static final String TIMER = "PT48H";
  private static final Duration POLL = Duration.ofMillis(250);
  private final Settings settings;
  private final BenchApp app;
  private final Bulk bulk;
  private final Clients clients;
  private final Rounds rounds;
  private final EndToEndPhase endToEnd;

  TimerStormPhase(Settings settings, BenchApp app, Bulk bulk, Clients clients, Rounds rounds,
      EndToEndPhase endToEnd) {
    this.settings = settings;
    this.app = app;
    this.bulk = bulk;
    this.clients = clients;
    this.rounds = rounds;
    this.endToEnd = endToEnd;
  }

  private record Storm(Figures jobs, Figures casesDuring, long drainMillis) {}

  List<Row> run(Figures withoutStorm) {
    int n = settings.timers();
    Queue<String> orders = clients.importUnshippedOrders(2 * settings.duringStorm(), EndToEndPhase.PRICE);

    bulk.ensureBulkCases(n); // each watch belongs to a case in the ledger (its steps write the case's timeline)
    Benchmark.log("starting " + n + " pickup watches");
    bulk.start(PICKUP_WATCH, n, Bulk::caseNo, i -> Map.of("caseNo", Bulk.caseNo(i), "orderNo", Bulk.orderNo(i),
        "carrier", "ZTO", "trackingNo", "BKT" + i, "withdrawIfNotPickedUp", false));
    Storm project = storm(PICKUP_WATCH, "SELECT END_TIME_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = '"
        + PICKUP_WATCH + "' AND END_TIME_ IS NOT NULL", orders);

    Benchmark.log("starting " + n + " bare timer instances");
    bulk.start(BareProcess.TIMER_TASK, n, i -> "BARE-STORM-" + i, i -> Map.of("caseNo", "BARE-STORM-" + i,
        "orderNo", "BARE-STORM-" + i, "benchTimer", TIMER));
    Storm bare = storm(BareProcess.TIMER_TASK, "SELECT CREATE_TIME_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = '"
        + BareProcess.TIMER_TASK_KEY + "'", orders);

    return List.of(
        Row.rate("3", "timer storm: " + n + " pickup watches due at once vs " + n + " timer → async → user task",
            "jobs/s", project.jobs(), bare.jobs(), "≥ 0.9").withNote(("drained in %.1f s / %.1f s; latency: from due "
            + "to handled").formatted(project.drainMillis() / 1000.0, bare.drainMillis() / 1000.0)),
        Row.latency("3b", settings.duringStorm() + " auto-refunded cases opened while a storm drains: during the "
            + "project's storm vs during the bare one", "cases/s", project.casesDuring(), bare.casesDuring(), "—")
            .withNote("end to end; without a storm (row 2) p50 %.0f ms, p95 %.0f ms"
                .formatted(withoutStorm.p50(), withoutStorm.p95())));
  }

  private Storm storm(String processKey, String handledAt, Queue<String> orders) {
    int n = settings.timers();
    long due = System.currentTimeMillis() - 1000;
    long statements = app.counter.count();
    long start = System.nanoTime();
    int updated = app.sql.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE TYPE_ = 'timer' AND PROCESS_DEF_KEY_ = ?",
        new Timestamp(due), processKey);
    if (updated != n) {
      throw new IllegalStateException(processKey + ": " + updated + " timers, expected " + n);
    }
    app.hintJobExecutor();
    Benchmark.log(n + " timers of " + processKey + " due");
    CompletableFuture<Figures.Round> during = CompletableFuture.supplyAsync(() -> rounds.run(
        endToEnd.autoRefunds(orders), settings.duringStorm(), settings.endToEndClients()));
    try {
      // a bound for a stuck storm, not a target: 50 ms a timer, several times what this machine needed
      Rounds.awaitDone("the storm of " + processKey, () -> jobsLeft(processKey) == 0, POLL,
          Duration.ofSeconds(Math.max(300, n / 20)));
    } catch (IllegalStateException stuck) {
      throw new IllegalStateException(stuck.getMessage() + ": " + jobsLeft(processKey) + " of its jobs left", stuck);
    }
    long nanos = System.nanoTime() - start;
    long stormStatements = app.counter.count() - statements;
    Figures.Round casesDuring = during.join();

    long failed = app.count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = ? AND JOB_STATE_ = 1",
        processKey);
    if (failed > 0) {
      throw new IllegalStateException(processKey + ": " + failed + " jobs failed in the storm");
    }
    long jobs = app.count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = ? AND JOB_STATE_ = 2",
        processKey);
    List<Long> latencies = app.sql.query(handledAt, (rs, i) -> Math.max(0, rs.getTimestamp(1).getTime() - due)
        * 1_000_000L);
    if (latencies.size() != n) {
      throw new IllegalStateException(processKey + ": " + latencies.size() + " instances handled, expected " + n);
    }
    Benchmark.log("%s storm: %d jobs in %.1f s".formatted(processKey, jobs, nanos / 1e9));
    return new Storm(Figures.of(List.of(new Figures.Round((int) jobs, nanos, latencies, stormStatements))),
        Figures.latencyOnly(List.of(casesDuring)), nanos / 1_000_000);
  }

  private long jobsLeft(String processKey) {
    return app.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = ?", processKey);
  }
}
