package com.shopdesk.aftersales.benchmark;

import static com.shopdesk.aftersales.benchmark.Http.expect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;

/**
 * What the benchmark's clients send, over HTTP like any client: the platform imports orders and an agent opens
 * cases through the product API (the project side); a user allowed to start the bare processes starts them
 * through the engine REST API (the bare side). Also the benchmark's queries on a round's operations.
 */
final class Clients {
  private static final int IN_CHUNK = 500;
  private final BenchApp app;
  private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
  private final AtomicInteger sequence = new AtomicInteger();

  Clients(BenchApp app) {
    this.app = app;
  }

  /**
   * Imports {@code n} unshipped one-line orders of {@code price} from 8 clients (not timed) and returns their
   * numbers, each to be used by one case.
   */
  ConcurrentLinkedQueue<String> importUnshippedOrders(int n, String price) {
    ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> imports = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        imports.add(pool.submit(() -> numbers.add(importOrder(price))));
      }
      for (Future<?> f : imports) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("order import failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    return numbers;
  }

  private String importOrder(String price) {
    String orderNo = "B" + runId + "-" + sequence.incrementAndGet();
    expect(app.http.post(BenchApp.PLATFORM, "/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_%s","name":"王小姐","phone":"13800000000","address":"浙江省杭州市西湖区"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"shippingInsurance":true,"status":"UNSHIPPED"}"""
        .formatted(orderNo, orderNo, price, price)), 201, "import order " + orderNo);
    return orderNo;
  }

  /** An agent opens a refund-only case for the whole of an unshipped order (the interception process). */
  Rounds.Sent openRefundOnly(String orderNo) {
    long at = System.currentTimeMillis();
    Http.Answer a = expect(app.http.post(BenchApp.AGENT, "/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL"}""".formatted(orderNo)), 201,
        "open a case for " + orderNo);
    return new Rounds.Sent(a.json().path("caseNo").asText(), a.json().path("processInstanceId").asText(), at,
        a.nanos());
  }

  /** Starts a bare process through the engine REST API, with the variables the app's task listeners read. */
  Rounds.Sent startBare(String key) {
    String caseNo = "BARE-" + runId + "-" + sequence.incrementAndGet();
    long at = System.currentTimeMillis();
    Http.Answer a = expect(app.http.post(BenchApp.STARTER, app.engineRest + "/process-definition/key/" + key
        + "/start", """
        {"businessKey":"%s","variables":{"caseNo":{"value":"%s","type":"String"},
         "orderNo":{"value":"%s","type":"String"}}}""".formatted(caseNo, caseNo, caseNo)), 200, "start " + key);
    String id = a.json().path("id").asText();
    return new Rounds.Sent(id, id, at, a.nanos());
  }

  /** How many of the operations' process instances have an open task with this key. */
  long withTask(String taskKey, List<Rounds.Sent> sent) {
    return queryIn("SELECT PROC_INST_ID_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = '" + taskKey
        + "' AND PROC_INST_ID_ IN (:ids)", ids(sent, Rounds.Sent::instanceId), (rs, i) -> 1).size();
  }

  /** The database's time of each operation's end, by id; only the ended ones. */
  List<Ended> ended(String query, List<Rounds.Sent> sent) {
    return queryIn(query, ids(sent, Rounds.Sent::id), (rs, i) -> new Ended(rs.getString(1),
        rs.getTimestamp(2).getTime()));
  }

  record Ended(String id, long atMillis) {}

  /** Latency from each operation's start to its end as the database recorded it, ns. */
  static List<Long> untilEnded(List<Rounds.Sent> sent, List<Ended> ended) {
    Map<String, Long> endOf = new HashMap<>();
    ended.forEach(e -> endOf.put(e.id(), e.atMillis()));
    return sent.stream().map(s -> Math.max(0, endOf.get(s.id()) - s.startedAtMillis()) * 1_000_000L).toList();
  }

  private static List<String> ids(List<Rounds.Sent> sent, Function<Rounds.Sent, String> id) {
    return sent.stream().map(id).toList();
  }

  /** A query with {@code IN (:ids)}, run in chunks. */
  <T> List<T> queryIn(String query, List<String> ids, RowMapper<T> mapper) {
    List<T> all = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
      all.addAll(app.sql.query(query.replace(":ids", marks), mapper, chunk.toArray()));
    }
    return all;
  }
}
