package com.shopdesk.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.cases.CaseIntake;
import com.shopdesk.aftersales.cases.CaseRequest;
import com.shopdesk.aftersales.cases.Reason;
import com.shopdesk.aftersales.cases.RequestType;
import com.shopdesk.aftersales.sandbox.SandboxOutages;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * One application context for every test: the real app on a random port with an in-memory H2, the job
 * executor off so each test runs the process's jobs itself, and the demo users (password test-pass).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AfterSalesTest {
  protected static final String ADMIN = "admin";
  protected static final String ADMIN_PASSWORD = "test-admin";
  protected static final String USER_PASSWORD = "test-pass";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort protected int port;
  @Autowired protected ProcessEngine engine;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected CaseIntake intake;
  @Autowired protected ObjectMapper json;
  @Autowired protected SandboxOutages outages;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A fresh order number, so tests sharing one database never meet. */
  protected static String newOrderNo() {
    return "T" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
  }

  protected String orderJson(String orderNo, String status, String trackingNo, String unitPrice, int quantity) {
    String paid = new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity)).toPlainString();
    String shipment = trackingNo == null ? "" : """
        ,"shipment":{"carrier":"ZTO","trackingNo":"%s","shippedAt":"2026-11-11T10:00:00+08:00"}""".formatted(trackingNo);
    return """
        {"orderNo":"%s","buyer":{"id":"tb_alice","name":"王小姐","phone":"13800000000","address":"浙江省杭州市西湖区"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":%d,"unitPrice":%s}],
         "paidAmount":%s,"shippingInsurance":true,"status":"%s"%s}"""
        .formatted(orderNo, quantity, unitPrice, paid, status, shipment);
  }

  protected void importOrder(String orderNo, String status, String trackingNo, String unitPrice, int quantity) {
    Response r = post("/api/orders", orderJson(orderNo, status, trackingNo, unitPrice, quantity));
    assertThat(r.status()).as(r.body()).isIn(200, 201);
  }

  /** A one-line order the buyer received {@code daysAgo} days ago, imported through the API as the platform would. */
  protected void importDeliveredOrder(String orderNo, String sku, String name, String category, String price,
      int daysAgo) {
    Response r = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_%s","name":"周女士"},
         "items":[{"sku":"%s","name":"%s","category":"%s","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"status":"DELIVERED","shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"},
         "deliveredAt":"%s"}""".formatted(orderNo, orderNo, sku, name, category, price, price, orderNo,
        OffsetDateTime.now().minusDays(daysAgo)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /**
   * A two-line order delivered two days ago, imported as the platform would: 西湖龙井 250g (LJ-250) 128.00 and
   * 白玉茶盏 (BY-1) 64.00, 192.00 paid. {@code extraFields}: more of the order's JSON, e.g. {@code ,"receiptConfirmed":true}.
   */
  protected String importTwoLineOrder(String extraFields) {
    String orderNo = newOrderNo();
    Response r = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_%s","name":"周女士"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":128.00},
                  {"sku":"BY-1","name":"白玉茶盏","category":"teaware","quantity":1,"unitPrice":64.00}],
         "paidAmount":192.00,"status":"DELIVERED","shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"},
         "deliveredAt":"%s"%s}""".formatted(orderNo, orderNo, orderNo, OffsetDateTime.now().minusDays(2), extraFields));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return orderNo;
  }

  /** The case as the desk shows it, asserted closed with the resolution. */
  protected JsonNode closed(String caseNo, String resolution) {
    JsonNode view = caseView(caseNo);
    assertThat(view.path("status").asText()).as(view.toString()).isEqualTo("CLOSED");
    assertThat(view.path("resolution").asText()).isEqualTo(resolution);
    return view;
  }

  /** Opens a case through the API ({@code POST /api/cases}); returns its number. */
  protected String openCaseThroughApi(String requestJson) {
    Response opened = post("/api/cases", requestJson);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    return opened.json().path("caseNo").asText();
  }

  /**
   * A fresh personal-reason return of a delivered order (128.00; 1,500.00 for managerApproval) waiting at the step:
   * retain (挽留客户), managerApproval (主管审批), awaitingReturn (for the buyer's parcel) or inspection (退货验货).
   */
  protected String returnCaseAt(String step) {
    String orderNo = newOrderNo();
    importDeliveredOrder(orderNo, "BY-1", "白玉茶盏", "teaware", step.equals("managerApproval") ? "1500.00" : "128.00", 1);
    String caseNo = openCaseThroughApi("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RETURN_REFUND\",\"reason\":\"PERSONAL\"}");
    runDueJobsOfCase(caseNo);
    if (step.equals("retain")) return caseNo;
    if (step.equals("managerApproval")) {
      completeTask(caseNo, "retain", Map.of("retained", true, "retentionAmount", 1500.0));
      return caseNo;
    }
    completeTask(caseNo, "retain", Map.of("retained", false));
    if (step.equals("awaitingReturn")) return caseNo;
    assertThat(post("/api/cases/" + caseNo + "/return-shipment",
        "{\"carrier\":\"YTO\",\"trackingNo\":\"YT-" + caseNo + "\",\"shippingFee\":10.00}").status()).isEqualTo(202);
    runDueJobsOfCase(caseNo);
    assertThat(post("/api/courier-events", "{\"carrier\":\"YTO\",\"trackingNo\":\"YT-" + caseNo
        + "\",\"event\":\"DELIVERED\",\"at\":\"" + OffsetDateTime.now() + "\"}").status()).isEqualTo(202);
    runDueJobsOfCase(caseNo);
    assertThat(task(caseNo, step)).as("task " + step + " of " + caseNo).isNotNull();
    return caseNo;
  }

  protected CaseIntake.Opened openRefundOnly(String orderNo, String amount) {
    return intake.open(new CaseRequest(orderNo, RequestType.REFUND_ONLY, Reason.PERSONAL, null,
        new BigDecimal(amount), List.of(), null), "agent1");
  }

  /** Runs every job of the instance that is due now, repeatedly, as the job executor would. */
  protected void runDueJobs(String processInstanceId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }

  /**
   * A refund-only case of this amount on a new unshipped order whose call to the warehouse failed while the
   * warehouse was down, run as the job executor would, an hour apart, until its retries were used up and an incident
   * opened. The warehouse is up again afterwards.
   */
  protected CaseIntake.Opened refundStuckAtTheWarehouse(String amount) {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, amount, 1);
    CaseIntake.Opened opened = openRefundOnly(orderNo, amount);
    outages.down(SandboxOutages.SandboxSystem.WAREHOUSE, "仓库系统升级");
    try {
      for (int attempt = 0; attempt < 10; attempt++) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(opened.processInstanceId())
            .singleResult();
        if (job.getRetries() == 0) {
          break;
        }
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(attempt + 1).toMillis()));
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException expected) {
          // the warehouse is down
        }
      }
    } finally {
      outages.up(SandboxOutages.SandboxSystem.WAREHOUSE);
      ClockUtil.reset();
    }
    return opened;
  }

  /** Runs the due jobs of every process instance of the case (the case's own and the ones it called). */
  protected void runDueJobsOfCase(String caseNo) {
    for (int round = 0; round < 20; round++) {
      List<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(caseNo).list().stream().map(p -> p.getId()).toList();
      List<Job> due = instances.stream().flatMap(id -> engine.getManagementService().createJobQuery()
          .processInstanceId(id).executable().list().stream()).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** The open task of the case (in any of its process instances) with this task definition key. */
  protected Task task(String caseNo, String key) {
    Task t = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key)
        .singleResult();
    assertThat(t).as("task " + key + " of " + caseNo).isNotNull();
    return t;
  }

  /** Completes the task as its user would, then lets the process run on to its next wait. */
  protected void completeTask(String caseNo, String key, Map<String, Object> variables) {
    BpmnAwareTests.complete(task(caseNo, key), variables);
    runDueJobsOfCase(caseNo);
  }

  /** A courier pushes a scan of the parcel now, as its webhook would; then the case's due jobs run. */
  protected void push(String caseNo, String carrier, String trackingNo, String event) {
    Response r = post("/api/courier-events", """
        {"carrier":"%s","trackingNo":"%s","event":"%s","at":"%s"}""".formatted(carrier, trackingNo, event,
        OffsetDateTime.now()));
    assertThat(r.status()).as(r.body()).isIn(200, 202);
    runDueJobsOfCase(caseNo);
  }

  /** The last value a variable of the case's instance of the process had (ended instances included). */
  protected Object historicVariable(String caseNo, String processKey, String name) {
    var instance = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey(processKey).singleResult();
    assertThat(instance).as(processKey + " of " + caseNo).isNotNull();
    var variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult();
    assertThat(variable).as(name + " in " + processKey + " of " + caseNo).isNotNull();
    return variable.getValue();
  }

  /** Everything the buyer was told in the case, one message a line. */
  protected String buyerMessages(String caseNo) {
    StringBuilder all = new StringBuilder();
    caseView(caseNo).path("timeline").forEach(e -> {
      if (e.path("kind").asText().equals("BUYER_MESSAGE")) all.append(e.path("text").asText()).append('\n');
    });
    return all.toString();
  }

  protected JsonNode caseView(String caseNo) {
    Response r = get("/api/cases/" + caseNo);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  // --- HTTP, as a client of the running app -------------------------------------------------------

  public record Response(int status, String body, ObjectMapper mapper) {
    public JsonNode json() {
      try {
        return mapper.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  protected Response get(String path) {
    return send("GET", path, null, ADMIN, ADMIN_PASSWORD);
  }

  protected Response post(String path, String body) {
    return send("POST", path, body, ADMIN, ADMIN_PASSWORD);
  }

  protected Response send(String method, String path, String body, String user, String password) {
    return send(method, path, body, user, password, "*/*");
  }

  protected Response send(String method, String path, String body, String user, String password, String accept) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Content-Type", "application/json");
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body(), json);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }

  protected int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }
}
