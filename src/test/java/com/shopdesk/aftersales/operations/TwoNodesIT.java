package com.shopdesk.aftersales.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.operations.ChildApp.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes started at the same moment on one empty PostgreSQL database both come up, share the work and
 * keep their names apart: 40 auto-refunded cases opened alternately on each are each refunded exactly once,
 * the engine's job log names both nodes (and nothing else), and the cluster chores hold one ShedLock row each,
 * taken by one of the nodes. Skipped where no PostgreSQL listens.
 */
class TwoNodesIT {
  private static final int CASES = 40;
  private static final Duration START = Duration.ofSeconds(180);
  private static final Duration DRAIN = Duration.ofSeconds(90);
  private static final List<String> NODES = List.of("node-a", "node-b");
  private static final List<String> CHORES = List.of("courier-event-redelivery", "overdue-filter",
      "platform-refund-feed");
  private static final List<String> FILTERS = List.of("客服待办", "仓库验货", "主管审批", "已超时");
  /** The overdue filter's chore first runs a minute after its node started; the rest of the test is shorter. */
  private static final Duration CHORES_RUN_BY = Duration.ofSeconds(90);
  private static final Duration REDELIVERY_INTERVAL = Duration.ofSeconds(2);
  /** The platform refund feed's interval here; a run holds its lock at least 5 s, so runs come 5 s apart. */
  private static final Duration FEED_INTERVAL = Duration.ofSeconds(2);
  private static final Duration FEED_LOCK_AT_LEAST = Duration.ofSeconds(5);

  @RegisterExtension final ChildApp.Children children = new ChildApp.Children();

  @Test
  void twoNodesStartedTogetherOnAnEmptyDatabaseShareTheWorkAndPayEachRefundOnce() throws Exception {
    try (FreshPostgres db = FreshPostgres.create("aftersales_two_nodes")) {
      Map<String, String> env = Map.of("AFTERSALES_DB_URL", db.url(), "AFTERSALES_DB_USER", FreshPostgres.USER);
      long startedAt = System.nanoTime();
      List<ChildApp> nodes = new ArrayList<>();
      for (String node : NODES) {
        nodes.add(children.start("two-nodes-" + node, ChildApp.freePort(),
            Path.of("target", "child-work", "two-nodes-" + node + "-" + System.currentTimeMillis()), "postgres", env,
            "--aftersales.node-name=" + node, "--aftersales.redelivery-interval=" + REDELIVERY_INTERVAL,
            "--aftersales.platform.poll-interval=" + FEED_INTERVAL));
      }
      List<String> down = new ArrayList<>();
      for (ChildApp node : nodes) {
        try {
          node.awaitReady(START);
        } catch (AssertionError notUp) {
          down.add(node.name() + ": " + firstErrors(node));
        }
      }
      assertThat(down).as("nodes started at the same moment on one empty database that did not come up").isEmpty();
      System.out.printf("[two nodes] both ready %.1f s after they were started; %s%n",
          (System.nanoTime() - startedAt) / 1e9,
          nodes.stream().map(n -> n.name() + ": " + n.logLines("Cluster start-up lock taken")
              .stream().map(l -> l.replaceFirst(".*: ", "")).toList()).toList());
      long ready = System.nanoTime();
      ChoreRuns chores = new ChoreRuns(db);

      // each client works on one node, the orders alternate between them
      List<String> unexpected = new CopyOnWriteArrayList<>();
      Map<String, String> caseOfOrder = new TreeMap<>();
      ExecutorService clients = Executors.newFixedThreadPool(nodes.size());
      List<Future<Map<String, String>>> opened = new ArrayList<>();
      for (int n = 0; n < nodes.size(); n++) {
        ChildApp node = nodes.get(n);
        int first = n;
        opened.add(clients.submit(() -> {
          Map<String, String> cases = new TreeMap<>();
          for (int i = first; i < CASES; i += nodes.size()) {
            String orderNo = "TN%03d".formatted(i + 1);
            Response order = node.call("POST", "/api/orders", """
                {"orderNo":"%s","buyer":{"id":"tb_tn","name":"王小姐"},
                 "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":128.00}],
                 "paidAmount":128.00,"status":"UNSHIPPED"}""".formatted(orderNo), "platform1");
            if (order.status() != 201) unexpected.add(node.name() + " order " + orderNo + ": " + order);
            Response c = node.call("POST", "/api/cases", """
                {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL","amount":128.00}""".formatted(orderNo),
                "agent1");
            if (c.status() == 201) {
              cases.put(orderNo, c.json().path("caseNo").asText());
            } else {
              unexpected.add(node.name() + " case " + orderNo + ": " + c);
            }
          }
          return cases;
        }));
      }
      for (Future<Map<String, String>> f : opened) caseOfOrder.putAll(f.get(120, TimeUnit.SECONDS));
      clients.shutdown();
      assertThat(unexpected).as("answers other than 201").isEmpty();

      long drainFrom = System.nanoTime();
      String notDrained = awaitDrained(db, nodes, DRAIN);
      System.out.printf("[two nodes] %d cases opened; %s in %.1f s%n", caseOfOrder.size(),
          notDrained == null ? "drained" : "NOT drained (" + notDrained + ")", (System.nanoTime() - drainFrom) / 1e9);

      // the books, read alternately through both nodes
      List<String> notRefunded = new ArrayList<>();
      List<String> notOneRefundRow = new ArrayList<>();
      List<String> notPaidOnce = new ArrayList<>();
      int i = 0;
      for (Map.Entry<String, String> c : caseOfOrder.entrySet()) {
        ChildApp node = nodes.get(i++ % nodes.size());
        JsonNode view = node.send("GET", "/api/cases/" + c.getValue(), null, "admin").json();
        if (!view.path("status").asText().equals("CLOSED") || !view.path("resolution").asText().equals("REFUNDED")) {
          notRefunded.add(c.getValue() + " " + view.path("status").asText() + "/" + view.path("resolution").asText(""));
        }
        JsonNode refunds = view.path("refunds");
        if (refunds.size() != 1 || !refunds.get(0).path("status").asText().equals("SUCCEEDED")) {
          notOneRefundRow.add(c.getValue() + ": " + refunds);
        }
        JsonNode payments = node.send("GET", "/sandbox/payments?orderNo=" + c.getKey(), null, "admin").json();
        if (payments.size() != 1) notPaidOnce.add(c.getKey() + ": " + payments.size() + " payments " + payments);
      }

      Map<String, Map<String, Integer>> jobLog = new TreeMap<>();   // host name → job state → rows
      Map<String, Integer> filters = new TreeMap<>();
      try (Connection c = db.connect()) {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT hostname_, job_state_, COUNT(*) FROM act_hi_job_log "
                 + "GROUP BY hostname_, job_state_")) {
          while (rs.next()) {
            jobLog.computeIfAbsent(String.valueOf(rs.getString(1)), h -> new TreeMap<>())
                .put(jobState(rs.getInt(2)), rs.getInt(3));
          }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name_, COUNT(*) FROM act_ru_filter GROUP BY name_")) {
          while (rs.next()) filters.put(rs.getString(1), rs.getInt(2));
        }
      }
      chores.awaitAll(ready + CHORES_RUN_BY.toNanos());
      Map<String, String> choreLocks = chores.rows();
      Map<String, List<ChoreRuns.Run>> runs = chores.stop();
      System.out.println("[two nodes] job log by host name: " + jobLog);
      System.out.println("[two nodes] ShedLock rows (chore → locked by): " + choreLocks + "; filters: " + filters);
      System.out.println("[two nodes] chore runs seen in " + "%.0f s: ".formatted((System.nanoTime() - ready) / 1e9)
          + runs);

      SoftAssertions soft = new SoftAssertions();
      soft.assertThat(notDrained).as("every case closed and none of their jobs left within " + DRAIN).isNull();
      soft.assertThat(caseOfOrder).as("cases opened").hasSize(CASES);
      soft.assertThat(notRefunded).as("cases not CLOSED/REFUNDED").isEmpty();
      soft.assertThat(notOneRefundRow).as("cases without exactly one SUCCEEDED refund row").isEmpty();
      soft.assertThat(notPaidOnce).as("orders not paid exactly once by the provider").isEmpty();
      soft.assertThat(jobLog.keySet()).as("host names in ACT_HI_JOB_LOG").containsExactlyInAnyOrderElementsOf(NODES);
      soft.assertThat(NODES).as("nodes that ran jobs (successful entries in the job log)")
          .allSatisfy(n -> assertThat(jobLog.getOrDefault(n, Map.of())).containsKey("successful"));
      soft.assertThat(choreLocks.keySet()).as("ShedLock rows: one per cluster chore")
          .containsExactlyInAnyOrderElementsOf(CHORES);
      soft.assertThat(choreLocks.values()).as("who took each chore's lock").allSatisfy(by -> assertThat(by).isIn(NODES));
      // both nodes schedule redelivery every 2 s: run by both, two runs would come less than 2 s apart
      List<ChoreRuns.Run> redeliveries = runs.getOrDefault("courier-event-redelivery", List.of());
      for (int k = 1; k < redeliveries.size(); k++) {
        soft.assertThat(Duration.between(redeliveries.get(k - 1).at(), redeliveries.get(k).at()))
            .as("courier-event-redelivery ran more than once per interval: " + redeliveries)
            .isGreaterThanOrEqualTo(REDELIVERY_INTERVAL);
      }
      // both nodes read the platform's refund list every 2 s: read by both, two reads would come under 5 s apart
      List<ChoreRuns.Run> feedReads = runs.getOrDefault("platform-refund-feed", List.of());
      for (int k = 1; k < feedReads.size(); k++) {
        soft.assertThat(Duration.between(feedReads.get(k - 1).at(), feedReads.get(k).at()))
            .as("platform-refund-feed read more than once per lock: " + feedReads)
            .isGreaterThanOrEqualTo(FEED_LOCK_AT_LEAST);
      }
      soft.assertThat(filters).as("shared Tasklist filters, each once though both nodes set them up")
          .isEqualTo(FILTERS.stream().collect(TreeMap::new, (m, f) -> m.put(f, 1), Map::putAll));
      soft.assertAll();
      nodes.forEach(ChildApp::stop);
    }
  }

  /** Why a node did not come up: its first ERROR line and the innermost causes below it. */
  private static String firstErrors(ChildApp node) {
    List<String> lines = new ArrayList<>(node.logLines(" ERROR ").stream().limit(1).toList());
    List<String> causes = node.logLines("Caused by:").stream().distinct().toList();
    lines.addAll(causes.subList(Math.max(0, causes.size() - 4), causes.size()));
    return (node.isAlive() ? "still running, not ready" : "exited") + "; " + String.join("\n  ",
        lines.stream().map(l -> l.length() > 300 ? l.substring(0, 300) + "…" : l).toList());
  }

  private static String awaitDrained(FreshPostgres db, List<ChildApp> nodes, Duration timeout) throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String waiting = "";
    try (Connection c = db.connect()) {
      while (System.nanoTime() < deadline) {
        for (ChildApp node : nodes) {
          if (!node.isAlive()) return node.name() + " died";
        }
        int incidents = count(c, "SELECT COUNT(*) FROM act_ru_incident");
        if (incidents > 0) return incidents + " incidents";
        int open = count(c, "SELECT COUNT(*) FROM cases WHERE status = 'OPEN'");
        // the history cleanup's own job waits for its nightly window; only the cases' jobs count
        int jobs = count(c, "SELECT COUNT(*) FROM act_ru_job WHERE process_instance_id_ IS NOT NULL");
        if (open == 0 && jobs == 0) return null;
        waiting = open + " cases open, " + jobs + " jobs of cases left";
        ChildApp.sleep(500);
      }
      StringBuilder locks = new StringBuilder();
      try (Statement s = c.createStatement();
           ResultSet rs = s.executeQuery("SELECT lock_owner_, COUNT(*) FROM act_ru_job "
               + "WHERE process_instance_id_ IS NOT NULL GROUP BY lock_owner_")) {
        while (rs.next()) locks.append(rs.getInt(2)).append(" locked by ").append(rs.getString(1)).append("; ");
      }
      return waiting + " after " + timeout + "; " + locks;
    }
  }

  /**
   * Reads the ShedLock table four times a second on its own connection: each new {@code locked_at} is a run of
   * that chore (ShedLock writes it only when a node takes the lock).
   */
  private static final class ChoreRuns {
    record Run(Instant at, String by) {
      @Override
      public String toString() {
        return at.toString().substring(11, 19) + " " + by;
      }
    }

    private final Connection connection;
    private final Map<String, List<Run>> runs = new ConcurrentHashMap<>();
    private final Map<String, String> lockedBy = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private volatile String failure;

    ChoreRuns(FreshPostgres db) throws SQLException {
      connection = db.connect();
      sampler.scheduleWithFixedDelay(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void sample() {
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("SELECT name, locked_at, locked_by FROM shedlock")) {
        while (rs.next()) {
          Run run = new Run(rs.getTimestamp(2).toInstant(), rs.getString(3));
          List<Run> seen = runs.computeIfAbsent(rs.getString(1), n -> new CopyOnWriteArrayList<>());
          if (seen.isEmpty() || !seen.get(seen.size() - 1).at().equals(run.at())) seen.add(run);
          lockedBy.put(rs.getString(1), run.by());
        }
      } catch (SQLException e) {
        failure = "(shedlock unreadable: " + e.getMessage().lines().findFirst().orElse("") + ")";
      }
    }

    /** Until every chore has run once, or the deadline (System.nanoTime) passed. */
    void awaitAll(long deadline) {
      while (!runs.keySet().containsAll(CHORES) && failure == null && System.nanoTime() < deadline) {
        ChildApp.sleep(500);
      }
    }

    /** One entry per ShedLock row: chore → the node that last took it. */
    Map<String, String> rows() {
      return failure != null ? Map.of(failure, "") : new TreeMap<>(lockedBy);
    }

    Map<String, List<Run>> stop() throws SQLException {
      sampler.shutdownNow();
      connection.close();
      return new TreeMap<>(runs);
    }
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String jobState(int state) {
    return switch (state) {
      case 0 -> "created";
      case 1 -> "failed";
      case 2 -> "successful";
      case 3 -> "deleted";
      default -> "state " + state;
    };
  }
}
