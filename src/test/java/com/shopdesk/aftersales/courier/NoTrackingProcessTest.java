package com.shopdesk.aftersales.courier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.guard.forms.FormSchema;
import com.shopdesk.aftersales.sandbox.SandboxOutages;
import com.shopdesk.aftersales.sandbox.SandboxTracking;
import com.shopdesk.aftersales.sandbox.SandboxWarehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of bpmn/no-tracking.bpmn (查不到物流), played through the HTTP API as the platform, the couriers, an agent
 * in Tasklist and a manager in Cockpit would.
 */
class NoTrackingProcessTest extends AfterSalesTest {
  @Autowired SandboxWarehouse warehouse;
  @Autowired SandboxTracking tracking;

  /** A shipped order of one 西湖龙井 (99.00) whose parcel is carrier / trackingNo. */
  private String shippedOrder(String carrier, String trackingNo) {
    String orderNo = newOrderNo();
    Response r = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_%s","name":"陈女士"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":99.00}],
         "paidAmount":99.00,"status":"SHIPPED",
         "shipment":{"carrier":"%s","trackingNo":"%s","shippedAt":"2026-11-11T10:00:00+08:00"}}"""
        .formatted(orderNo, orderNo, carrier, trackingNo));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return orderNo;
  }

  private String openCase(String orderNo) {
    Response r = send("POST", "/api/cases", """
        {"orderNo":"%s","request":"LOGISTICS","reason":"NO_TRACKING","note":"买家说好几天都查不到物流"}"""
        .formatted(orderNo), "agent1", USER_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("process").asText()).isEqualTo("no-tracking");
    String caseNo = r.json().path("caseNo").asText();
    runDueJobsOfCase(caseNo);
    return caseNo;
  }

  /** agent1 claims 判断查不到物流的原因 and submits its form as Tasklist does; returns the HTTP answer. */
  private Response diagnose(String caseNo, String variables) {
    String taskId = task(caseNo, "diagnose").getId();
    Response claimed = send("POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"agent1\"}", "agent1",
        USER_PASSWORD);
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    return send("POST", "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":{" + variables + "}}",
        "agent1", USER_PASSWORD);
  }

  private void diagnosed(String caseNo, String variables) {
    Response r = diagnose(caseNo, variables);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
    runDueJobsOfCase(caseNo);
  }

  private static String finding(String finding) {
    return "\"trackingFinding\":{\"value\":\"" + finding + "\"}";
  }

  @Override
  protected JsonNode closed(String caseNo, String resolution) {
    JsonNode view = super.closed(caseNo, resolution);
    assertThat(view.path("remarks").toString()).as("the order gets a remark").contains("查不到物流");
    return view;
  }

  private JsonNode outbound(String orderNo) {
    Response r = get("/api/orders/" + orderNo);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("shipment");
  }

  private void scan(String carrier, String trackingNo, String event, boolean push) {
    Response r = post("/sandbox/courier/scans" + (push ? "" : "?push=false"), """
        {"carrier":"%s","trackingNo":"%s","event":"%s","at":"%s"}"""
        .formatted(carrier, trackingNo, event, OffsetDateTime.now().minusHours(1)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  private static void clockPlus(Duration d) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + d.toMillis()));
  }

  @Test
  void aWrongNumberIsCorrectedOnTheOrderFollowedAndGivenToTheBuyer() {
    String orderNo = shippedOrder("ZTO", "ZT" + orderDigits());
    String old = outbound(orderNo).path("trackingNo").asText();
    String caseNo = openCase(orderNo);
    assertThat(engine.getTaskService().getVariable(task(caseNo, "diagnose").getId(), "latestTracking").toString())
        .as("the agent sees what the lookup found").contains("无物流信息");
    String right = "YT" + orderDigits();

    diagnosed(caseNo, finding("WRONG_PARCEL") + ",\"correctCarrier\":{\"value\":\"YTO\"},"
        + "\"correctTrackingNo\":{\"value\":\"" + right + "\"}");

    JsonNode parcel = outbound(orderNo);
    assertThat(parcel.path("carrier").asText()).isEqualTo("YTO");
    assertThat(parcel.path("trackingNo").asText()).isEqualTo(right);
    JsonNode view = closed(caseNo, "TRACKING_CORRECTED");
    assertThat(view.path("remarks").toString()).as("the remark keeps the old number")
        .contains("原单号 中通快递 " + old + " 填错，已更正为 圆通速递 " + right);
    assertThat(tracking.subscribed("YTO", right)).as("the new number is followed").isTrue();
    assertThat(buyerMessages(caseNo)).contains("填错").contains("圆通速递 " + right);

    // a scan of the right parcel now reaches the order's case view
    scan("YTO", right, "PICKED_UP", true);
    assertThat(caseView(caseNo).path("parcels").toString()).contains(right).contains("PICKED_UP");
  }

  @Test
  void aPostalParcelIsLookedUpAsPostalAndTheBuyerToldWhereToLook() {
    // recorded as EMS, but an E邮宝 parcel: the postal service knows it as 邮政快递包裹
    String number = "98" + orderDigits();
    String orderNo = shippedOrder("EMS", number);
    scan("YZPY", number, "IN_TRANSIT", false);
    String caseNo = openCase(orderNo);

    diagnosed(caseNo, finding("POSTAL") + ",\"postalCarrier\":{\"value\":\"YZPY\"}");

    closed(caseNo, "POSTAL_TRACKED");
    assertThat(buyerMessages(caseNo)).as("where the parcel is and where postal parcels show")
        .contains("邮政快递包裹").contains("运输中").contains("11183").contains(number);
  }

  @Test
  void aParcelNotHandedOverIsChasedAtTheWarehouseAndClosesOncePickedUp() {
    String number = "ZT" + orderDigits();
    String orderNo = shippedOrder("ZTO", number);
    String caseNo = openCase(orderNo);

    diagnosed(caseNo, finding("NOT_HANDED_OVER"));

    assertThat(warehouse.handoverChases("ZTO", number)).isEqualTo(1);
    assertThat(buyerMessages(caseNo)).contains("还没交给快递").contains(number);
    assertThat(caseView(caseNo).path("status").asText()).as("waiting for the pickup").isEqualTo("OPEN");

    scan("ZTO", number, "PICKED_UP", true);
    runDueJobsOfCase(caseNo);
    closed(caseNo, "RESOLVED");
    assertThat(buyerMessages(caseNo)).contains("已由快递揽收");
    assertThat(warehouse.withdrawn("ZTO", number)).isFalse();
  }

  @Test
  void aParcelStillNotPickedUpAfter48HoursIsWithdrawnAndALinkedReshipCaseTakesOver() {
    String number = "ZT" + orderDigits();
    String orderNo = shippedOrder("ZTO", number);
    String caseNo = openCase(orderNo);
    diagnosed(caseNo, finding("NOT_HANDED_OVER"));

    clockPlus(Duration.ofHours(47));
    runDueJobsOfCase(caseNo);
    assertThat(caseView(caseNo).path("status").asText()).isEqualTo("OPEN");
    clockPlus(Duration.ofHours(2));
    runDueJobsOfCase(caseNo);

    assertThat(warehouse.withdrawn("ZTO", number)).as("it must not go out now").isTrue();
    closed(caseNo, "TO_RESHIP");
    assertThat(buyerMessages(caseNo)).contains("补发");
    String linked = (String) historicVariable(caseNo, "no-tracking", "linkedCaseNo");
    JsonNode reship = caseView(linked);
    assertThat(reship.path("process").asText()).isEqualTo("reship");
    assertThat(reship.path("request").asText()).isEqualTo("RESHIP");
    assertThat(reship.path("linkedFrom").asText()).isEqualTo(caseNo);
    runDueJobsOfCase(linked);
    assertThat(task(linked, "remedy").getName()).as("the reship case's own remedy decides").isEqualTo("补发或退款");
  }

  @Test
  void trackingThatIsThereAfterAllIsToldToTheBuyer() {
    String number = "ZT" + orderDigits();
    String orderNo = shippedOrder("ZTO", number);
    scan("ZTO", number, "IN_TRANSIT", true);
    String caseNo = openCase(orderNo);

    diagnosed(caseNo, finding("HAS_TRACKING"));

    closed(caseNo, "TRACKING_SHOWN");
    assertThat(buyerMessages(caseNo)).contains("是有物流的").contains("运输中");
  }

  @Test
  void aCorrectionOnlyTakesTheFormsFieldsWithAKnownCarrierAndAPlainNumber() {
    String number = "ZT" + orderDigits();
    String orderNo = shippedOrder("ZTO", number);
    String caseNo = openCase(orderNo);
    String taskId = task(caseNo, "diagnose").getId();
    String otherNumber = "YT" + orderDigits();
    shippedOrder("YTO", otherNumber);
    String good = "\"correctTrackingNo\":{\"value\":\"YT12345678\"}";
    String[][] bad = {
        {finding("WRONG_PARCEL") + ",\"correctCarrier\":{\"value\":\"FAKE\"}," + good, "correctCarrier"},
        {finding("WRONG_PARCEL") + ",\"correctCarrier\":{\"value\":\"YTO\"},"
            + "\"correctTrackingNo\":{\"value\":\"YT 1234'; --\"}", "correctTrackingNo"},
        {finding("WRONG_PARCEL") + ",\"correctCarrier\":{\"value\":\"YTO\"}", "correctTrackingNo"},
        {finding("WRONG_PARCEL") + ",\"correctCarrier\":{\"value\":\"YTO\"}," + good
            + ",\"trackingNo\":{\"value\":\"YT12345678\"}", "trackingNo"},
        {finding("POSTAL") + ",\"postalCarrier\":{\"value\":\"ZTO\"}", "postalCarrier"},
        {finding("HAS_TRACKING") + ",\"correctCarrier\":{\"value\":\"YTO\"}," + good, "correctCarrier"},
        {finding("LOST"), "trackingFinding"},
        {finding("WRONG_PARCEL") + ",\"correctCarrier\":{\"value\":\"ZTO\"},"
            + "\"correctTrackingNo\":{\"value\":\"" + number + "\"}", "correctTrackingNo"},
        {finding("WRONG_PARCEL") + ",\"correctCarrier\":{\"value\":\"YTO\"},"
            + "\"correctTrackingNo\":{\"value\":\"" + otherNumber + "\"}", "correctTrackingNo"},
    };
    for (String[] b : bad) {
      Response r = diagnose(caseNo, b[0]);
      assertThat(r.status()).as(b[0] + " → " + r.body()).isEqualTo(400);
      assertThat(r.body()).contains(b[1]);
    }
    String valid = "{\"variables\":{" + finding("WRONG_PARCEL") + ",\"correctCarrier\":{\"value\":\"YTO\"}," + good + "}}";
    for (String user : new String[] {"wh1", "analyst1", "platform1"}) {
      Response r = send("POST", "/engine-rest/task/" + taskId + "/submit-form", valid, user, USER_PASSWORD);
      assertThat(r.status()).as(user + " → " + r.body()).isIn(403, 404);
    }
    assertThat(task(caseNo, "diagnose").getId()).isEqualTo(taskId);
    assertThat(outbound(orderNo).path("trackingNo").asText()).as("the order's parcel is unchanged").isEqualTo(number);
    assertThat(caseView(caseNo).path("status").asText()).isEqualTo("OPEN");
    assertThat(tracking.subscribed("YTO", "YT12345678")).isFalse();
  }

  @Test
  void aWarehouseOutageBecomesAnIncidentAManagerRetries() {
    String number = "ZT" + orderDigits();
    String orderNo = shippedOrder("ZTO", number);
    String caseNo = openCase(orderNo);
    outages.down(SandboxOutages.SandboxSystem.WAREHOUSE, "仓库系统升级");
    Job chase;
    try {
      assertThat(diagnose(caseNo, finding("NOT_HANDED_OVER")).status()).as("the agent's answer is kept").isEqualTo(204);
      String instance = caseView(caseNo).path("processInstanceId").asText();
      for (int attempt = 0; attempt < 10; attempt++) {
        chase = engine.getManagementService().createJobQuery().processInstanceId(instance).activityId("chaseWarehouse")
            .singleResult();
        if (chase.getRetries() == 0) {
          break;
        }
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(attempt + 1).toMillis()));
        try {
          engine.getManagementService().executeJob(chase.getId());
        } catch (RuntimeException expected) {
          // the warehouse is down
        }
      }
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).singleResult()
          .getIncidentMessage()).contains("仓库系统升级");
      chase = engine.getManagementService().createJobQuery().processInstanceId(instance).activityId("chaseWarehouse")
          .singleResult();
    } finally {
      outages.up(SandboxOutages.SandboxSystem.WAREHOUSE);
      ClockUtil.reset();
    }
    assertThat(warehouse.handoverChases("ZTO", number)).isZero();

    Response retried = send("PUT", "/engine-rest/job/" + chase.getId() + "/retries", "{\"retries\":1}", "manager1",
        USER_PASSWORD);
    assertThat(retried.status()).as(retried.body()).isEqualTo(204);
    // the job executor runs it once its retry is due
    engine.getManagementService().executeJob(chase.getId());
    runDueJobsOfCase(caseNo);
    assertThat(warehouse.handoverChases("ZTO", number)).isEqualTo(1);
    assertThat(buyerMessages(caseNo)).contains("还没交给快递");
  }

  @Test
  void theFormOffersOnlyCarriersTheDeskKnows() throws Exception {
    FormSchema form = FormSchema.parse("no-tracking-diagnosis.form",
        Files.readAllBytes(Path.of("forms/no-tracking-diagnosis.form")));
    for (String key : new String[] {"correctCarrier", "postalCarrier"}) {
      assertThat(form.fields().get(key).options()).as(key).isNotEmpty()
          .allSatisfy(code -> assertThat(Carriers.known((String) code)).as(code + " in Carriers").isTrue());
    }
    assertThat(form.fields().get("correctTrackingNo").pattern().pattern())
        .isEqualTo(NoTrackingVariables.TRACKING_NO.pattern());
  }

  @Test
  void theBuyerMayWithdrawWhileTheAgentLooks() {
    String orderNo = shippedOrder("ZTO", "ZT" + orderDigits());
    String caseNo = openCase(orderNo);
    Response r = send("POST", "/api/cases/" + caseNo + "/withdraw", "{\"reason\":\"买家查到物流了\"}", "agent1",
        USER_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    runDueJobsOfCase(caseNo);
    assertThat(caseView(caseNo).path("resolution").asText()).isEqualTo("WITHDRAWN");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).count()).isZero();
    assertThat(buyerMessages(caseNo)).contains("已撤销");
  }

  private static String orderDigits() {
    return String.valueOf(System.nanoTime() % 10_000_000_000L);
  }
}
