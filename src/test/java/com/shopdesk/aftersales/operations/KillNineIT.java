package com.shopdesk.aftersales.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.operations.ChildApp.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the desk acknowledged survives SIGKILL, and money moves exactly once. The packaged app runs as a child;
 * 100 auto-refunded cases (unshipped orders, refund-only under the 200 CNY limit: warehouse cancel, refund,
 * close, all async jobs) are opened by several clients while agents complete 同意退款 on 20 more, and the JVM
 * is killed with SIGKILL after the 60th case acknowledgement. The app is restarted on the same database and
 * port (so under the same default node name), the clients finish the batch, and once every job has run each
 * order must have exactly one case, REFUNDED, with one refund row and one provider payment; every 201 and 204
 * the clients were given before the kill must be found.
 */
class KillNineIT {
  private static final int AUTO_REFUNDS = 100;
  private static final int AGREED = 20;
  private static final int CLIENTS = 4;
  private static final int KILL_AT = 60;
  /** One agent completion for every this many case acknowledgements, so the kill falls among completions too. */
  private static final int COMPLETION_PACE = 4;
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration DRAIN = Duration.ofSeconds(90);

  @RegisterExtension final ChildApp.Children children = new ChildApp.Children();

  @Test
  void onH2() throws Exception {
    run("h2", null, Map.of(), null);
  }

  @Test
  void onPostgres() throws Exception {
    try (FreshPostgres db = FreshPostgres.create("aftersales_kill9")) {
      run("pg", "postgres", Map.of("AFTERSALES_DB_URL", db.url(), "AFTERSALES_DB_USER", FreshPostgres.USER), db);
    }
  }

  /** What the clients were told: each 201 and 204 is a promise the restarted app must keep. */
  private static final class Acknowledged {
    final Set<String> orders = ConcurrentHashMap.newKeySet();
    final Map<String, String> cases = new ConcurrentHashMap<>();          // order → case number
    final Map<String, String> completions = new ConcurrentHashMap<>();    // task id → case number
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    final AtomicInteger unanswered = new AtomicInteger();
    final AtomicInteger batchCaseAcks = new AtomicInteger();
  }

  private void run(String label, String profiles, Map<String, String> env, FreshPostgres db) throws Exception {
    String tag = "[kill9 " + label + "] ";
    Path work = Path.of("target", "child-work", "kill9-" + label + "-" + System.currentTimeMillis());
    int port = ChildApp.freePort();
    long t0 = System.nanoTime();
    ChildApp first = children.start("kill9-" + label + "-1st", port, work, profiles, env).awaitReady(START);
    System.out.println(tag + "first start ready in " + seconds(t0));

    List<String> autoOrders = numbered("K9A", AUTO_REFUNDS);
    List<String> agreedOrders = numbered("K9B", AGREED);
    Acknowledged ack = new Acknowledged();

    // cases above the auto-refund limit wait at 同意退款 for an agent
    Map<String, String> agreeTasks = new LinkedHashMap<>();   // task id → case number
    for (String orderNo : agreedOrders) {
      importOrder(first, orderNo, "300.00", ack);
      openCase(first, orderNo, "300.00", ack);
    }
    for (String orderNo : agreedOrders) {
      String caseNo = ack.cases.get(orderNo);
      agreeTasks.put(awaitAgreeTask(first, caseNo, Duration.ofSeconds(60)), caseNo);
    }
    assertThat(ack.unexpected).as("answers before the batch").isEmpty();

    CountDownLatch killNow = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      clients.submit(() -> {
        try {
          for (int i = client; i < autoOrders.size(); i += CLIENTS) {
            String orderNo = autoOrders.get(i);
            importOrderOrThrow(first, orderNo, "128.00", ack);
            if (openCaseOrThrow(first, orderNo, "128.00", ack) && ack.batchCaseAcks.incrementAndGet() == KILL_AT) {
              killNow.countDown();
            }
          }
        } catch (IOException killed) {
          ack.unanswered.incrementAndGet();
        }
        return null;
      });
    }
    clients.submit(() -> {
      int done = 0;
      try {
        for (Map.Entry<String, String> task : agreeTasks.entrySet()) {
          while (ack.batchCaseAcks.get() < (done + 1) * COMPLETION_PACE && first.isAlive()) {
            Thread.sleep(5);
          }
          Response claim = first.call("POST", "/engine-rest/task/" + task.getKey() + "/claim",
              "{\"userId\":\"agent1\"}", "agent1");
          expect(claim, 204, "claim " + task.getValue(), ack);
          Response complete = first.call("POST", "/engine-rest/task/" + task.getKey() + "/complete",
              "{\"variables\":{\"refundAgreed\":{\"value\":true}}}", "agent1");
          if (expect(complete, 204, "complete 同意退款 of " + task.getValue(), ack)) {
            ack.completions.put(task.getKey(), task.getValue());
          }
          done++;
        }
      } catch (IOException killed) {
        ack.unanswered.incrementAndGet();
      }
      return null;
    });

    assertThat(killNow.await(120, TimeUnit.SECONDS)).as("the batch reached " + KILL_AT + " acknowledgements; "
        + "unexpected answers: " + ack.unexpected).isTrue();
    first.kill9();
    int acksAtKill = ack.batchCaseAcks.get();
    clients.shutdown();
    assertThat(clients.awaitTermination(90, TimeUnit.SECONDS)).as("clients ended after the kill").isTrue();
    Set<String> casesAckedBeforeKill = new TreeSet<>(ack.cases.values());
    Map<String, String> completionsAckedBeforeKill = Map.copyOf(ack.completions);
    Set<String> ordersAckedBeforeKill = Set.copyOf(ack.orders);
    System.out.printf("%skilled pid %d with SIGKILL at %d batch case acknowledgements; acknowledged in all "
            + "(a few answers may arrive after the signal): %d orders, %d cases, %d task completions; requests left "
            + "unanswered: %d%n", tag, first.pid(), acksAtKill, ordersAckedBeforeKill.size(), casesAckedBeforeKill.size(),
        completionsAckedBeforeKill.size(), ack.unanswered.get());

    long restartAt = System.nanoTime();
    ChildApp second = children.start("kill9-" + label + "-2nd", port, work, profiles, env).awaitReady(START);
    long readyAt = System.nanoTime();
    // how many jobs the killed run was in the middle of, as the restarted node reports taking their locks back
    System.out.println(tag + "restart ready in " + seconds(restartAt) + "; " + second.logLines("job locks").stream()
        .map(l -> l.replaceFirst(".*: ", "")).findFirst().orElse("no job locks taken back"));

    // before anything new is written: is every acknowledged order, case and completion there?
    List<String> lostOrders = ordersAckedBeforeKill.stream().sorted()
        .filter(o -> second.send("GET", "/api/orders/" + o, null, "admin").status() != 200).toList();
    Map<String, String> lostCases = new TreeMap<>();   // order → what was found instead of its case
    ack.cases.forEach((orderNo, caseNo) -> {
      Response r = second.send("GET", "/api/cases/" + caseNo, null, "admin");
      if (r.status() != 200 || !orderNo.equals(r.json().path("orderNo").asText())) {
        lostCases.put(orderNo, caseNo + " (order " + orderNo + "): " + r.status() + " " + abbreviate(r.body()));
      }
    });
    List<String> lostCompletions = new ArrayList<>();
    completionsAckedBeforeKill.forEach((taskId, caseNo) -> {
      Response r = second.send("GET", "/engine-rest/task/" + taskId, null, "admin");
      if (r.status() != 404) {
        lostCompletions.add("task " + taskId + " of " + caseNo + " is still open: " + r.status());
      }
    });
    System.out.printf("%safter restart: lost %d of %d orders, %d of %d cases, %d of %d task completions%n", tag,
        lostOrders.size(), ordersAckedBeforeKill.size(), lostCases.size(), casesAckedBeforeKill.size(),
        lostCompletions.size(), completionsAckedBeforeKill.size());

    // The clients finish the batch: a request that was never answered may or may not have been done. What was
    // lost (counted above) is sent again, so that the money is checked on every order.
    Set<String> lostOrderNos = new TreeSet<>(lostOrders);
    lostOrderNos.addAll(lostCases.keySet());
    for (String orderNo : Stream.concat(autoOrders.stream(), agreedOrders.stream()).toList()) {
      if (!ack.cases.containsKey(orderNo) || lostOrderNos.contains(orderNo)) {
        String price = orderNo.startsWith("K9A") ? "128.00" : "300.00";
        importOrder(second, orderNo, price, ack);
        openCase(second, orderNo, price, ack);
      }
    }
    for (String orderNo : agreedOrders) {
      String caseNo = ack.cases.get(orderNo);
      List<String> open = new ArrayList<>();
      if (lostOrderNos.contains(orderNo)) {
        open.add(awaitAgreeTask(second, caseNo, Duration.ofSeconds(60)));
      } else {
        second.send("GET", "/engine-rest/task?processInstanceBusinessKey=" + caseNo + "&taskDefinitionKey=agreeRefund",
            null, "admin").json().forEach(t -> open.add(t.path("id").asText()));
      }
      for (String id : open) {
        expect(second.send("POST", "/engine-rest/task/" + id + "/claim", "{\"userId\":\"agent1\"}", "agent1"), 204,
            "claim after restart " + caseNo, ack);
        expect(second.send("POST", "/engine-rest/task/" + id + "/complete",
            "{\"variables\":{\"refundAgreed\":{\"value\":true}}}", "agent1"), 204,
            "complete after restart " + caseNo, ack);
      }
    }

    String notDrained = awaitDrained(second, DRAIN);
    String drainTime = seconds(readyAt) + " after the restart was ready";

    // the books: every order has one case, refunded once, paid once
    List<String> notOneCase = new ArrayList<>();
    List<String> notRefunded = new ArrayList<>();
    List<String> notOneRefundRow = new ArrayList<>();
    List<String> unpaid = new ArrayList<>();
    List<String> paidTwice = new ArrayList<>();
    if (second.isAlive()) {
      for (String orderNo : Stream.concat(autoOrders.stream(), agreedOrders.stream()).toList()) {
        JsonNode cases = second.send("GET", "/api/cases?orderNo=" + orderNo, null, "admin").json();
        if (cases.size() != 1) {
          notOneCase.add(orderNo + ": " + cases.size() + " cases");
        }
        for (JsonNode c : cases) {
          String caseNo = c.path("caseNo").asText();
          if (!c.path("status").asText().equals("CLOSED") || !c.path("resolution").asText().equals("REFUNDED")) {
            notRefunded.add(caseNo + " " + c.path("status").asText() + "/" + c.path("resolution").asText(""));
          }
          JsonNode refunds = second.send("GET", "/api/cases/" + caseNo, null, "admin").json().path("refunds");
          if (refunds.size() != 1 || !refunds.get(0).path("status").asText().equals("SUCCEEDED")) {
            notOneRefundRow.add(caseNo + ": " + refunds);
          }
        }
        JsonNode payments = second.send("GET", "/sandbox/payments?orderNo=" + orderNo, null, "admin").json();
        if (payments.isEmpty()) unpaid.add(orderNo);
        if (payments.size() > 1) paidTwice.add(orderNo + ": " + payments);
      }
    }
    int total = AUTO_REFUNDS + AGREED;
    System.out.printf("%s%s in %s; %d orders: one case %d, REFUNDED %d, one refund row %d, unpaid %d, "
            + "paid twice %d; unexpected answers %d%n", tag, notDrained == null ? "drained" : "NOT drained", drainTime,
        total, total - notOneCase.size(), total - notRefunded.size(), total - notOneRefundRow.size(), unpaid.size(),
        paidTwice.size(), ack.unexpected.size());

    if (notDrained != null) {
      notDrained += "\njob locks: " + jobLocks(second, work, db);
    }
    second.stop();
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(lostOrders).as("acknowledged orders (201) missing after the restart").isEmpty();
    soft.assertThat(lostCases.values()).as("acknowledged cases (201) missing after the restart").isEmpty();
    soft.assertThat(lostCompletions).as("task completions answered 204 undone after the restart").isEmpty();
    soft.assertThat(ack.unexpected).as("answers other than the expected ones").isEmpty();
    soft.assertThat(notDrained).as("every case closed and none of their jobs left within " + DRAIN).isNull();
    soft.assertThat(notOneCase).as("orders without exactly one case").isEmpty();
    soft.assertThat(notRefunded).as("cases not CLOSED/REFUNDED").isEmpty();
    soft.assertThat(notOneRefundRow).as("cases without exactly one SUCCEEDED refund row").isEmpty();
    soft.assertThat(unpaid).as("orders the provider never paid").isEmpty();
    soft.assertThat(paidTwice).as("orders the provider paid more than once").isEmpty();
    soft.assertAll();
  }

  private static List<String> numbered(String prefix, int n) {
    List<String> numbers = new ArrayList<>();
    for (int i = 1; i <= n; i++) numbers.add("%s%03d".formatted(prefix, i));
    return numbers;
  }

  private static String orderJson(String orderNo, String price) {
    return """
        {"orderNo":"%s","buyer":{"id":"tb_k9","name":"王小姐","phone":"13800000000","address":"浙江省杭州市西湖区"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"shippingInsurance":true,"status":"UNSHIPPED"}""".formatted(orderNo, price, price);
  }

  private static String caseJson(String orderNo, String amount) {
    return """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL","amount":%s}""".formatted(orderNo, amount);
  }

  private static void importOrderOrThrow(ChildApp app, String orderNo, String price, Acknowledged ack)
      throws IOException {
    Response r = app.call("POST", "/api/orders", orderJson(orderNo, price), "platform1");
    if (r.status() == 201) {
      ack.orders.add(orderNo);
    } else {
      ack.unexpected.add("POST /api/orders " + orderNo + ": " + r.status() + " " + abbreviate(r.body()));
    }
  }

  private static boolean openCaseOrThrow(ChildApp app, String orderNo, String amount, Acknowledged ack)
      throws IOException {
    Response r = app.call("POST", "/api/cases", caseJson(orderNo, amount), "agent1");
    if (r.status() == 201) {
      ack.cases.put(orderNo, r.json().path("caseNo").asText());
      return true;
    }
    ack.unexpected.add("POST /api/cases " + orderNo + ": " + r.status() + " " + abbreviate(r.body()));
    return false;
  }

  /** After the restart an order may exist from a request that was never answered: 200 then. */
  private static void importOrder(ChildApp app, String orderNo, String price, Acknowledged ack) {
    Response r = app.send("POST", "/api/orders", orderJson(orderNo, price), "platform1");
    if (r.status() == 201) {
      ack.orders.add(orderNo);
    } else if (r.status() != 200) {
      ack.unexpected.add("POST /api/orders " + orderNo + ": " + r.status() + " " + abbreviate(r.body()));
    }
  }

  /** After the restart a case may exist from a request that was never answered: 409 then, and it is looked up. */
  private static void openCase(ChildApp app, String orderNo, String amount, Acknowledged ack) {
    Response r = app.send("POST", "/api/cases", caseJson(orderNo, amount), "agent1");
    if (r.status() == 201) {
      ack.cases.put(orderNo, r.json().path("caseNo").asText());
    } else if (r.status() == 409) {
      JsonNode existing = app.send("GET", "/api/cases?orderNo=" + orderNo, null, "admin").json();
      if (existing.size() == 1) {
        ack.cases.put(orderNo, existing.get(0).path("caseNo").asText());
      } else {
        ack.unexpected.add("POST /api/cases " + orderNo + ": 409 but " + existing.size() + " cases on the order");
      }
    } else {
      ack.unexpected.add("POST /api/cases " + orderNo + ": " + r.status() + " " + abbreviate(r.body()));
    }
  }

  private static boolean expect(Response r, int status, String what, Acknowledged ack) {
    if (r.status() == status) return true;
    ack.unexpected.add(what + ": " + r.status() + " " + abbreviate(r.body()));
    return false;
  }

  private static String awaitAgreeTask(ChildApp app, String caseNo, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode tasks = app.send("GET", "/engine-rest/task?processInstanceBusinessKey=" + caseNo
          + "&taskDefinitionKey=agreeRefund", null, "admin").json();
      if (tasks.size() == 1) return tasks.get(0).path("id").asText();
      ChildApp.sleep(200);
    }
    throw new AssertionError("no 同意退款 task for " + caseNo + " within " + timeout + ": "
        + app.send("GET", "/api/cases/" + caseNo, null, "admin").body());
  }

  /** Null once no case is open and no job is left; else what is still waiting. Fails at once on an incident. */
  private static String awaitDrained(ChildApp app, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String waiting = "";
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) return app.name() + " died";
      JsonNode incidents = app.send("GET", "/engine-rest/incident", null, "admin").json();
      if (!incidents.isEmpty()) return "incidents: " + abbreviate(incidents.toString());
      int open = app.send("GET", "/api/cases?status=OPEN&limit=1000", null, "admin").json().size();
      List<JsonNode> jobs = caseJobs(app);
      if (open == 0 && jobs.isEmpty()) return null;
      waiting = open + " cases open, " + jobs.size() + " jobs of cases left";
      ChildApp.sleep(500);
    }
    return waiting + " after " + timeout + "; jobs: " + abbreviate(caseJobs(app).toString());
  }

  /** The jobs of process instances: the history cleanup's own job waits for its nightly window and is not one. */
  private static List<JsonNode> caseJobs(ChildApp app) {
    List<JsonNode> jobs = new ArrayList<>();
    app.send("GET", "/engine-rest/job", null, "admin").json().forEach(j -> {
      if (j.path("processInstanceId").isTextual()) jobs.add(j);
    });
    return jobs;
  }

  /** Who holds the jobs that did not run: the lock owners straight from the engine's table. */
  private static String jobLocks(ChildApp app, Path work, FreshPostgres db) {
    try {
      if (db != null) {
        try (Connection c = db.connect()) {
          return lockSummary(c);
        }
      }
      app.stop();   // H2 in a file admits one process at a time
      Path data = work.resolve("data");
      try (Stream<Path> files = Files.list(data)) {
        Path file = files.filter(f -> f.toString().endsWith(".mv.db")).findFirst().orElseThrow();
        String base = file.toAbsolutePath().toString().replaceFirst("\\.mv\\.db$", "");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "")) {
          return lockSummary(c);
        }
      }
    } catch (Exception e) {
      return "(could not read ACT_RU_JOB: " + e + ")";
    }
  }

  private static String lockSummary(Connection c) throws SQLException {
    StringBuilder s = new StringBuilder();
    try (ResultSet rs = c.createStatement().executeQuery("""
        SELECT LOCK_OWNER_, MIN(LOCK_EXP_TIME_), COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IS NOT NULL
        GROUP BY LOCK_OWNER_""")) {
      while (rs.next()) {
        s.append(rs.getInt(3)).append(" jobs locked by ").append(rs.getString(1)).append(" until ")
            .append(rs.getTimestamp(2)).append("; ");
      }
    }
    return s.toString();
  }

  private static String seconds(long since) {
    return "%.1f s".formatted((System.nanoTime() - since) / 1e9);
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }
}
