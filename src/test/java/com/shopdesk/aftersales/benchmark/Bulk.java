package com.shopdesk.aftersales.benchmark;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * Data the benchmark needs in large amounts and makes fast, outside any timing: ledger rows by SQL (INSERT … SELECT
 * from SYSTEM_RANGE on H2, generate_series on PostgreSQL), and process instances started in-process, many per
 * engine command and transaction, on two threads.
 */
final class Bulk {
  /** Bulk ledger rows are numbered BK0000000001 …; row x was opened 30·x seconds before the first fill. */
  /** A day no live case is numbered in: the bulk cases are real case numbers the ledger API accepts. */
  static final String CASE_PREFIX = "AS20000101-";
  static final int ORDERS = 1_000;
  private static final int ROWS_PER_STATEMENT = 50_000;
  /** Starts per engine command (and transaction): one flush, JDBC batches across instances; about half the cost. */
  private static final int STARTS_PER_COMMAND = 50;
  private static final int THREADS = 2;
  private final BenchApp app;
  private final boolean postgres;
  private final Timestamp newest = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
  private boolean ordersMade;
  private final AtomicInteger liveTasks = new AtomicInteger();

  Bulk(BenchApp app, Settings.Database database) {
    this.app = app;
    this.postgres = database == Settings.Database.POSTGRES;
  }

  static String caseNo(long x) {
    return CASE_PREFIX + String.format("%010d", x);
  }

  static String orderNo(long x) {
    return String.format("BKO-%04d", x % ORDERS);
  }

  /** Adds closed bulk cases until the ledger has {@code total} rows in all. */
  void fillLedgerTo(long total) {
    long missing = total - app.count("SELECT COUNT(*) FROM cases");
    if (missing > 0) {
      addBulkCases(missing);
    }
  }

  /** Adds bulk cases until there are at least {@code n} of them (their numbers are {@link #caseNo}(1 … n)). */
  void ensureBulkCases(long n) {
    long missing = n - bulkCases();
    if (missing > 0) {
      addBulkCases(missing);
    }
  }

  /** The buyer of a bulk order: each has its own, with 1/1,000 of the bulk cases. */
  static String buyerOf(String orderNo) {
    return "tb_" + orderNo;
  }

  /** The tracking number of a bulk order's parcel. */
  static String trackingOf(String orderNo) {
    return "BKT" + orderNo.substring(4);
  }

  /**
   * What the desk finds a case by and counts, for the bulk cases that lack it: a buyer of its own per bulk order
   * (id, name, phone), a parcel per order, a refund paid at each case's close.
   */
  void giveBulkCasesTheirTraces() {
    makeOrders();
    app.sql.update("UPDATE orders SET buyer_id = 'tb_' || order_no, buyer_name = '买家' || order_no, "
        + "buyer_phone = '1390000' || SUBSTRING(order_no, 5) WHERE order_no LIKE 'BKO-%' AND buyer_id = 'tb_bulk'");
    app.sql.update("""
        INSERT INTO shipments (order_no, kind, carrier, tracking_no)
        SELECT o.order_no, 'OUTBOUND', 'ZTO', 'BKT' || SUBSTRING(o.order_no, 5) FROM orders o
        WHERE o.order_no LIKE 'BKO-%' AND NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_no = o.order_no)""");
    app.sql.update("""
        INSERT INTO refunds (case_no, order_no, amount, status, idempotency_key, provider_ref, created_at, completed_at)
        SELECT c.case_no, c.order_no, c.amount, 'SUCCEEDED', c.case_no || ':refund', 'BENCH', c.closed_at, c.closed_at
        FROM cases c WHERE c.case_no LIKE '%s%%'
        AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.case_no = c.case_no)""".formatted(CASE_PREFIX));
    if (postgres) {
      app.sql.execute("ANALYZE"); // as autovacuum would after such a load
    }
  }

  /** One more closed case: the ledger changes between two reads, as on a live desk. */
  void addCase() {
    addBulkCases(1);
  }

  private long bulkCases() {
    return app.count("SELECT COUNT(*) FROM cases WHERE case_no LIKE '" + CASE_PREFIX + "%'");
  }

  private void addBulkCases(long n) {
    makeOrders();
    long from = bulkCases() + 1;
    long to = from + n - 1;
    String insert = postgres ? """
        INSERT INTO cases (case_no, order_no, request_type, reason, process_key, status, resolution, amount,
          opened_by, opened_at, closed_at)
        SELECT '%1$s' || LPAD(x::text, 10, '0'), 'BKO-' || LPAD((x %% 1000)::text, 4, '0'), 'REFUND_ONLY', 'PERSONAL',
          'interception', 'CLOSED', 'REFUNDED', 128.00, 'bench', ?::timestamp - x * INTERVAL '30 seconds',
          ?::timestamp - x * INTERVAL '30 seconds' + INTERVAL '1 minute'
        FROM generate_series(?::bigint, ?::bigint) AS g(x)""".formatted(CASE_PREFIX) : """
        INSERT INTO cases (case_no, order_no, request_type, reason, process_key, status, resolution, amount,
          opened_by, opened_at, closed_at)
        SELECT '%1$s' || LPAD(CAST(X AS VARCHAR), 10, '0'), 'BKO-' || LPAD(CAST(MOD(X, 1000) AS VARCHAR), 4, '0'),
          'REFUND_ONLY', 'PERSONAL', 'interception', 'CLOSED', 'REFUNDED', 128.00, 'bench',
          DATEADD(SECOND, -30 * X, CAST(? AS TIMESTAMP)), DATEADD(SECOND, 60 - 30 * X, CAST(? AS TIMESTAMP))
        FROM SYSTEM_RANGE(?, ?)""".formatted(CASE_PREFIX);
    for (long start = from; start <= to; start += ROWS_PER_STATEMENT) {
      app.sql.update(insert, newest, newest, start, Math.min(to, start + ROWS_PER_STATEMENT - 1));
    }
    if (postgres && n >= ROWS_PER_STATEMENT) {
      app.sql.execute("ANALYZE cases"); // as autovacuum would after such a load
    }
  }

  private void makeOrders() {
    if (ordersMade) {
      return;
    }
    String insert = postgres ? """
        INSERT INTO orders (order_no, buyer_id, buyer_name, paid_amount, shipping_insurance, status, created_at,
          updated_at)
        SELECT 'BKO-' || LPAD(x::text, 4, '0'), 'tb_bulk', '批量买家', 128.00, FALSE, 'UNSHIPPED', ?, ?
        FROM generate_series(0, 999) AS g(x)""" : """
        INSERT INTO orders (order_no, buyer_id, buyer_name, paid_amount, shipping_insurance, status, created_at,
          updated_at)
        SELECT 'BKO-' || LPAD(CAST(X AS VARCHAR), 4, '0'), 'tb_bulk', '批量买家', 128.00, FALSE, 'UNSHIPPED', ?, ?
        FROM SYSTEM_RANGE(0, 999)""";
    app.sql.update(insert, newest, newest);
    ordersMade = true;
  }

  /**
   * Starts {@code n} instances of the process in-process, {@link #STARTS_PER_COMMAND} inside one engine command
   * (the starts join its command context, so the engine flushes them together), on {@link #THREADS} threads.
   * Instance {@code i} (from 1) gets the business key and variables given for it. Everything the engine and the
   * app do at a start still happens (listeners, history, grants); only the flushes are fewer.
   */
  void start(String processKey, int n, IntFunction<String> businessKey, IntFunction<Map<String, Object>> variables) {
    RuntimeService runtime = app.engine.getRuntimeService();
    CommandExecutor engine = ((ProcessEngineConfigurationImpl) app.engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int first = 1; first <= n; first += STARTS_PER_COMMAND) {
        int from = first;
        int to = Math.min(n, first + STARTS_PER_COMMAND - 1);
        batches.add(pool.submit(() -> engine.execute(context -> {
          for (int i = from; i <= to; i++) {
            runtime.startProcessInstanceByKey(processKey, businessKey.apply(i), variables.apply(i));
          }
          return null;
        })));
      }
      for (Future<?> batch : batches) {
        batch.get();
      }
      if (postgres && n >= 1_000) {
        // as autovacuum would after such a load (this machine's PostgreSQL runs with it off): on statistics of
        // the empty tables, PostgreSQL read the agents' queue at 100,000 tasks for minutes instead of 1 ms
        app.sql.execute("ANALYZE");
      }
    } catch (Exception e) {
      throw new IllegalStateException("starting " + n + " instances of " + processKey + " failed: " + e.getMessage(),
          e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One more open agents' task: the queue changes between two reads, as on a live desk. */
  void openAgentTask() {
    String key = "BARE-LIVE-" + liveTasks.incrementAndGet();
    start(BareProcess.OPEN_TASK, 1, i -> key, i -> Map.of("caseNo", key, "orderNo", key));
  }

  /** Open tasks whose candidate group is agents. */
  long openAgentTasks() {
    return app.count("""
        SELECT COUNT(*) FROM ACT_RU_TASK T JOIN ACT_RU_IDENTITYLINK L ON L.TASK_ID_ = T.ID_
        WHERE L.TYPE_ = 'candidate' AND L.GROUP_ID_ = 'agents'""");
  }
}
