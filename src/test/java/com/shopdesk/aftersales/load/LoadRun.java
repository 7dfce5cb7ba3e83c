package com.shopdesk.aftersales.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The desk's traffic, as the platform, the couriers and the agents send it, through the real HTTP API: a
 * fixed number of cases of three kinds, played by {@link #CLIENTS} client threads at once. Before opening a
 * case the agent looks the order up, as the buyer's message gives only its number.
 *
 * <ul>
 *   <li>auto refund: the platform imports an unshipped order of 128.00, an agent opens a refund-only case; the
 *       job executor cancels the outbound order, pays and closes it;</li>
 *   <li>interception: a shipped order of 99.00, the case asks the courier to intercept; once the case shows
 *       the request, the courier pushes INTERCEPTED and the refund follows; once the case shows the refund, the
 *       courier pushes RETURNED and the case closes, as the parcel is back at the warehouse;</li>
 *   <li>agent decision: an unshipped order of 300.00 (above the 200.00 auto limit), so 同意退款 waits for an
 *       agent, who claims and completes it through the engine REST API as Tasklist would.</li>
 * </ul>
 *
 * Every request is recorded with its kind, status and latency; a 5xx or a transport error is kept with its
 * body, and any other answer a client did not expect stops that case and is kept too.
 */
final class LoadRun {
  static final int CLIENTS = 200;
  static final String PASSWORD = "test-pass";
  static final String ADMIN_PASSWORD = "test-admin";
  /** How long one case may take to reach the step a client waits for (a bound, not a speed target). */
  static final Duration STEP_WAIT = Duration.ofSeconds(120);
  private static final Duration FIRST_POLL = Duration.ofSeconds(1);
  private static final Duration LAST_POLL = Duration.ofSeconds(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

  enum Kind { AUTO_REFUND, INTERCEPTION, AGENT_DECISION }

  /** A case the test expects to end CLOSED / REFUNDED with one refund and one payment of {@code amount}. */
  record Played(Kind kind, String orderNo, String trackingNo, String caseNo, BigDecimal amount) {}

  record Failure(String what, String method, String path, int status, String body) {
    @Override
    public String toString() {
      return what + ": " + method + " " + path + " -> " + (status < 0 ? "transport error" : status) + "\n    "
          + (body == null ? "" : body.length() > 1500 ? body.substring(0, 1500) + "…" : body);
    }
  }

  private final String base;
  private final String engineRest;
  private final String runId;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  final Map<String, Queue<Long>> latencies = new ConcurrentHashMap<>();
  final Queue<Failure> serverErrors = new ConcurrentLinkedQueue<>();
  final Queue<Failure> transportErrors = new ConcurrentLinkedQueue<>();
  final Queue<Failure> unexpected = new ConcurrentLinkedQueue<>();
  /** Cases the API acknowledged (201). */
  final Queue<Played> acknowledged = new ConcurrentLinkedQueue<>();
  /** Cases whose client did all its part (an agent's decision, the courier's answer): they must close. */
  final Queue<Played> handedOver = new ConcurrentLinkedQueue<>();
  final Map<Kind, AtomicInteger> planned = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger inFlightPeak = new AtomicInteger();
  /** Courier pushes answered deliveredTo 0 because the redelivery sweep delivered the event meanwhile. */
  final AtomicInteger pushesDeliveredElsewhere = new AtomicInteger();
  long loadMillis;

  LoadRun(int port, String engineName, String runId) {
    this.base = "http://127.0.0.1:" + port;
    this.engineRest = "/engine-rest/engine/" + engineName;
    this.runId = runId;
  }

  /** Plays the cases (shuffled with a fixed seed so every run sends the same mix) on CLIENTS threads. */
  void play(int autoRefunds, int interceptions, int agentDecisions) throws InterruptedException {
    List<Runnable> cases = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < autoRefunds; i++) cases.add(caseOf(Kind.AUTO_REFUND, n++));
    for (int i = 0; i < interceptions; i++) cases.add(caseOf(Kind.INTERCEPTION, n++));
    for (int i = 0; i < agentDecisions; i++) cases.add(caseOf(Kind.AGENT_DECISION, n++));
    Collections.shuffle(cases, new Random(42));
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, r -> {
      Thread t = new Thread(r);
      t.setName("load-client-" + t.getId());
      return t;
    });
    long start = System.nanoTime();
    cases.forEach(clients::execute);
    clients.shutdown();
    if (!clients.awaitTermination(10, TimeUnit.MINUTES)) {
      clients.shutdownNow();
      throw new AssertionError("the clients did not finish within 10 minutes");
    }
    loadMillis = (System.nanoTime() - start) / 1_000_000;
  }

  private Runnable caseOf(Kind kind, int n) {
    planned.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    String orderNo = "L" + runId + "-" + n;
    String agent = n % 2 == 0 ? "agent1" : "agent2";
    return () -> {
      try {
        switch (kind) {
          case AUTO_REFUND -> autoRefund(orderNo, agent);
          case INTERCEPTION -> interception(orderNo, agent);
          case AGENT_DECISION -> agentDecision(orderNo, agent);
        }
      } catch (Stopped stopped) {
        // recorded where it happened
      } catch (RuntimeException e) {
        unexpected.add(new Failure(kind + " " + orderNo + ": client failed", "", "", -1, e.toString()));
      }
    };
  }

  private void autoRefund(String orderNo, String agent) {
    importOrder(orderNo, "UNSHIPPED", null, "128.00");
    String caseNo = openCase(orderNo, agent, "PERSONAL", "128.00");
    Played played = new Played(Kind.AUTO_REFUND, orderNo, null, caseNo, new BigDecimal("128.00"));
    acknowledged.add(played);
    handedOver.add(played);
  }

  private void interception(String orderNo, String agent) {
    String trackingNo = "LZ" + orderNo.replaceAll("\\W", "");
    importOrder(orderNo, "SHIPPED", trackingNo, "99.00");
    String caseNo = openCase(orderNo, agent, "NO_REASON", null);
    Played played = new Played(Kind.INTERCEPTION, orderNo, trackingNo, caseNo, new BigDecimal("99.00"));
    acknowledged.add(played);
    // the courier answers only once it was asked: the agent watching the case sees the request go out
    awaitStep("interception requested of " + caseNo, () -> {
      JsonNode view = expect("case view", agent, "GET", "/api/cases/" + caseNo, null, 200);
      for (JsonNode e : view.path("timeline")) {
        if (e.path("text").asText().startsWith("已请求快递拦截")) return true;
      }
      return false;
    });
    courierPushes(caseNo, trackingNo, "INTERCEPTED");
    awaitStep("refund of " + caseNo, () ->
        !expect("case view", agent, "GET", "/api/cases/" + caseNo, null, 200).path("refunds").isEmpty());
    courierPushes(caseNo, trackingNo, "RETURNED");
    handedOver.add(played);
  }

  private void courierPushes(String caseNo, String trackingNo, String event) {
    JsonNode receipt = expect("courier event", "platform1", "POST", "/api/courier-events", """
        {"carrier":"ZTO","trackingNo":"%s","event":"%s","at":"%s"}"""
        .formatted(trackingNo, event, OffsetDateTime.now()), 202);
    // 0 when the case was not waiting yet (it reads the stored event when it gets there) or the redelivery sweep
    // took this one while the push was under way: the case still gets it once (its end is checked after the
    // load), so this is counted, not failed
    if (receipt.path("deliveredTo").asInt() == 0) {
      pushesDeliveredElsewhere.incrementAndGet();
    } else if (receipt.path("deliveredTo").asInt() != 1) {
      unexpected.add(new Failure("courier event " + event + " for " + caseNo + " (" + trackingNo + ") reached "
          + receipt.path("deliveredTo").asInt() + " waiting cases, not 1", "POST", "/api/courier-events", 202,
          receipt.toString()));
    }
  }

  private void agentDecision(String orderNo, String agent) {
    importOrder(orderNo, "UNSHIPPED", null, "300.00");
    String caseNo = openCase(orderNo, agent, "PERSONAL", "300.00");
    Played played = new Played(Kind.AGENT_DECISION, orderNo, null, caseNo, new BigDecimal("300.00"));
    acknowledged.add(played);
    String[] taskId = new String[1];
    awaitStep("task 同意退款 of " + caseNo, () -> {
      JsonNode tasks = expect("task query", agent, "GET", engineRest + "/task?processInstanceBusinessKey=" + caseNo
          + "&taskDefinitionKey=agreeRefund", null, 200);
      if (tasks.isEmpty()) return false;
      taskId[0] = tasks.get(0).path("id").asText();
      return true;
    });
    expect("task claim", agent, "POST", engineRest + "/task/" + taskId[0] + "/claim",
        "{\"userId\":\"" + agent + "\"}", 204);
    expect("task complete", agent, "POST", engineRest + "/task/" + taskId[0] + "/complete",
        "{\"variables\":{\"refundAgreed\":{\"value\":true}}}", 204);
    handedOver.add(played);
  }

  private void importOrder(String orderNo, String status, String trackingNo, String price) {
    String shipment = trackingNo == null ? "" : """
        ,"shipment":{"carrier":"ZTO","trackingNo":"%s","shippedAt":"%s"}"""
        .formatted(trackingNo, OffsetDateTime.now().minusDays(1));
    expect("order import", "platform1", "POST", "/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_%s","name":"王小姐","phone":"13800000000","address":"浙江省杭州市西湖区"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"shippingInsurance":true,"status":"%s"%s}"""
        .formatted(orderNo, orderNo, price, price, status, shipment), 201);
  }

  /** The agent looks the order up (GET /api/orders/{orderNo}), then opens the case. */
  private String openCase(String orderNo, String agent, String reason, String amount) {
    expect("order lookup", agent, "GET", "/api/orders/" + orderNo, null, 200);
    JsonNode opened = expect("case intake", agent, "POST", "/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"%s"%s}"""
        .formatted(orderNo, reason, amount == null ? "" : ",\"amount\":" + amount), 201);
    return opened.path("caseNo").asText();
  }

  private interface Check {
    boolean done();
  }

  /** Polls like a person refreshing a page: soon at first, then less often (up to every 3 s). */
  private void awaitStep(String what, Check check) {
    long deadline = System.nanoTime() + STEP_WAIT.toNanos();
    long pause = FIRST_POLL.toMillis();
    while (!check.done()) {
      if (System.nanoTime() > deadline) {
        unexpected.add(new Failure("stalled: no " + what + " within " + STEP_WAIT.toSeconds() + " s", "", "", 0, ""));
        throw new Stopped();
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Stopped();
      }
      pause = Math.min(LAST_POLL.toMillis(), pause * 3 / 2);
    }
  }

  /** A case the client cannot go on with; the reason is already recorded. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }

  /** Sends one request and returns its JSON (or null for no body); any other status stops the case. */
  JsonNode expect(String kind, String user, String method, String path, String body, int status) {
    Answer a = send(kind, user, method, path, body);
    if (a.status != status) {
      Failure f = new Failure(kind + " as " + user + " (expected " + status + ")", method, path, a.status, a.body);
      (a.status < 0 ? transportErrors : a.status >= 500 ? serverErrors : unexpected).add(f);
      throw new Stopped();
    }
    try {
      return a.body == null || a.body.isBlank() ? json.nullNode() : json.readTree(a.body);
    } catch (Exception e) {
      unexpected.add(new Failure(kind + ": not JSON", method, path, a.status, a.body));
      throw new Stopped();
    }
  }

  record Answer(int status, String body) {}

  Answer send(String kind, String user, String method, String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + (user.equals("admin") ? ADMIN_PASSWORD : PASSWORD)).getBytes(StandardCharsets.UTF_8)))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    inFlightPeak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, e.toString());
    } catch (Exception e) {
      return new Answer(-1, e.toString());
    } finally {
      inFlight.decrementAndGet();
      latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
    }
  }

  /** Requests by kind with p50/p95/max latency in ms, and a total row. */
  String latencyTable(Set<String> only) {
    StringBuilder t = new StringBuilder(String.format("  %-16s %7s %8s %8s %8s%n", "request", "count", "p50 ms",
        "p95 ms", "max ms"));
    List<Long> all = new ArrayList<>();
    new TreeMap<>(latencies).forEach((kind, nanos) -> {
      if (only != null && !only.contains(kind)) return;
      List<Long> sorted = new ArrayList<>(nanos);
      all.addAll(sorted);
      t.append(row(kind, sorted));
    });
    t.append(row("all", all));
    return t.toString();
  }

  private static String row(String kind, List<Long> nanos) {
    Collections.sort(nanos);
    if (nanos.isEmpty()) return String.format("  %-16s %7d%n", kind, 0);
    return String.format("  %-16s %7d %8d %8d %8d%n", kind, nanos.size(), pct(nanos, 50), pct(nanos, 95),
        nanos.get(nanos.size() - 1) / 1_000_000);
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1_000_000;
  }

  /** "12 × order import -> 500" lines, most frequent first. */
  static String byKind(Queue<Failure> failures) {
    return failures.stream().collect(java.util.stream.Collectors.groupingBy(
            f -> f.what().replaceAll(" of AS\\S+| for AS\\S+", "") + " -> " + (f.status() < 0 ? "transport error" : f.status()),
            TreeMap::new, java.util.stream.Collectors.counting()))
        .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> e.getValue() + " × " + e.getKey()).collect(java.util.stream.Collectors.joining("; "));
  }

  int requests(Set<String> only) {
    return latencies.entrySet().stream().filter(e -> only == null || only.contains(e.getKey()))
        .mapToInt(e -> e.getValue().size()).sum();
  }
}
