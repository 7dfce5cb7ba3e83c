package com.shopdesk.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cases born on the sandbox platform: the buyer presses 申请退款 there, the desk's feed opens the case without anyone
 * calling /api/cases, and every decision the process makes shows in the platform's record of the refund.
 */
class PlatformRefundsTest extends SandboxPlatformTest {

  /** A 七天无理由 return pressed on the platform, taken in, agreed, shipped back and delivered: at 退货验货. */
  private PlatformCase atInspection() {
    PlatformCase c = returnRequestedOnPlatform("BALANCE");
    String orderNo = c.orderNo();
    String refundId = c.refundId();
    String caseNo = c.caseNo();
    completeTask(caseNo, "retain", Map.of("retained", false));
    sendReplies(refundId);
    assertThat(post("/sandbox/platform/refunds/" + refundId + "/return-shipment",
        "{\"carrier\":\"YTO\",\"trackingNo\":\"YT-" + refundId + "\"}").status()).isEqualTo(200);
    feed.poll();
    runDueJobsOfCase(caseNo);
    assertThat(post("/api/courier-events", "{\"carrier\":\"YTO\",\"trackingNo\":\"YT-" + refundId
        + "\",\"event\":\"DELIVERED\",\"at\":\"" + OffsetDateTime.now() + "\"}").status()).isEqualTo(202);
    runDueJobsOfCase(caseNo);
    task(caseNo, "inspection");
    return new PlatformCase(orderNo, refundId, caseNo);
  }

  @Test
  void aReturnRequestedOnThePlatformRunsToItsRefundThereWithoutAnyoneTypingIt() {
    String orderNo = sellOnPlatform("128.00");
    assertThat(get("/api/orders/" + orderNo).status()).as("the shop does not have the order yet").isEqualTo(404);
    String refundId = pressRefund(orderNo, true, "128.00", "七天无理由退换货");

    feed.poll();
    String caseNo = caseOf(refundId);
    assertThat(caseNo).as("a case opened by the feed").isNotNull();
    assertThat(get("/api/orders/" + orderNo).status()).as("the order was fetched from the platform").isEqualTo(200);
    JsonNode view = caseView(caseNo);
    assertThat(view.path("request").asText()).isEqualTo("RETURN_REFUND");
    assertThat(view.path("reason").asText()).isEqualTo("NO_REASON");
    assertThat(view.path("openedBy").asText()).isEqualTo(PlatformRefundIntake.PLATFORM);
    assertThat(view.path("amount").decimalValue()).isEqualByComparingTo("128.00");

    feed.poll();
    assertThat(count("SELECT COUNT(*) FROM cases WHERE order_no = ?", orderNo)).as("read again, opened once")
        .isEqualTo(1);

    runDueJobsOfCase(caseNo);
    completeTask(caseNo, "retain", Map.of("retained", false));
    sendReplies(refundId);
    assertThat(platformRefund(refundId).path("state").asText()).isEqualTo("WAIT_BUYER_RETURN_GOODS");
    assertThat(record(refundId)).anySatisfy(a -> assertThat(a).startsWith("AGREE_RETURN ").contains("环球仓储中心"))
        .anySatisfy(a -> assertThat(a).startsWith("MESSAGE ").contains("将商品寄回"))
        .anySatisfy(a -> assertThat(a).isEqualTo("EXTEND_RECEIPT 延长收货 10 天"));

    Response shipped = post("/sandbox/platform/refunds/" + refundId + "/return-shipment",
        "{\"carrier\":\"YTO\",\"trackingNo\":\"YT-" + refundId + "\"}");
    assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
    feed.poll();
    feed.poll();
    runDueJobsOfCase(caseNo);
    assertThat(count("SELECT COUNT(*) FROM shipments WHERE case_no = ? AND tracking_no = ?", caseNo,
        "YT-" + refundId)).as("the buyer's return parcel, taken once").isEqualTo(1);
    assertThat(post("/api/courier-events", "{\"carrier\":\"YTO\",\"trackingNo\":\"YT-" + refundId
        + "\",\"event\":\"DELIVERED\",\"at\":\"" + OffsetDateTime.now() + "\"}").status()).isEqualTo(202);
    runDueJobsOfCase(caseNo);
    completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "RESTOCK"));
    sendReplies(refundId);

    assertThat(caseView(caseNo).path("status").asText()).isEqualTo("CLOSED");
    assertThat(caseView(caseNo).path("resolution").asText()).isEqualTo("REFUNDED");
    assertThat(platformRefund(refundId).path("state").asText()).as("agreed on the platform").isEqualTo("SUCCESS");
    List<String> record = record(refundId);
    assertThat(record.stream().filter(a -> a.startsWith("AGREE_REFUND ")).toList())
        .containsExactly("AGREE_REFUND 同意退款 ¥128.00");
    assertThat(record).noneMatch(a -> a.startsWith("REFUSE_REFUND"))
        .anySatisfy(a -> assertThat(a).startsWith("MESSAGE ").contains("已为您退款 ¥128.00"))
        .anySatisfy(a -> assertThat(a).startsWith("MEMO ").contains(caseNo));
    assertThat(count("SELECT COUNT(*) FROM sandbox_payments WHERE order_no = ?", orderNo))
        .as("the platform paid from escrow; the payment provider was not asked").isZero();
    assertThat(count("SELECT COUNT(*) FROM refunds WHERE case_no = ? AND status = 'SUCCEEDED'", caseNo)).isEqualTo(1);

    feed.poll();
    assertThat(caseView(caseNo).path("timeline").toString()).contains("平台退款单 " + refundId + "：退款成功");
  }

  @Test
  void goodsThatFailInspectionRefuseTheRefundOnThePlatformWithTheReason() {
    PlatformCase c = atInspection();
    completeTask(c.caseNo(), "inspection", Map.of("inspectionPassed", false,
        "inspectionComment", "杯沿裂纹为人为摔落所致"));
    completeTask(c.caseNo(), "refuseReturn", Map.of("refuseReason", "杯沿裂纹为摔落所致，不属质量问题"));
    sendReplies(c.refundId());

    assertThat(caseView(c.caseNo()).path("resolution").asText()).isEqualTo("REJECTED");
    assertThat(platformRefund(c.refundId()).path("state").asText()).isEqualTo("SELLER_REFUSE_BUYER");
    List<String> refusals = record(c.refundId()).stream().filter(a -> a.startsWith("REFUSE_REFUND ")).toList();
    assertThat(refusals).hasSize(1);
    assertThat(refusals.get(0)).contains("验货");
    assertThat(record(c.refundId())).anySatisfy(a -> assertThat(a).startsWith("MESSAGE ").contains("摔落所致"));
    assertThat(record(c.refundId())).noneMatch(a -> a.startsWith("AGREE_REFUND"));
    assertThat(count("SELECT COUNT(*) FROM refunds WHERE case_no = ?", c.caseNo())).isZero();
  }

  @Test
  void aBuyerWhoCancelsOnThePlatformWithdrawsTheCaseAndNothingIsRefused() {
    PlatformCase c = returnRequestedOnPlatform("BALANCE");
    String refundId = c.refundId();
    String caseNo = c.caseNo();

    assertThat(post("/sandbox/platform/refunds/" + refundId + "/cancel", null).status()).isEqualTo(200);
    feed.poll();
    runDueJobsOfCase(caseNo);
    sendReplies(refundId);

    JsonNode view = caseView(caseNo);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("resolution").asText()).isEqualTo("WITHDRAWN");
    assertThat(view.path("timeline").toString()).contains("买家在平台撤销了退款申请");
    assertThat(record(refundId)).noneMatch(a -> a.startsWith("REFUSE_REFUND") || a.startsWith("AGREE_"));
    feed.poll();
    assertThat(count("SELECT COUNT(*) FROM case_timeline WHERE case_no = ? AND kind = 'WITHDRAWN'", caseNo))
        .as("read again, withdrawn once").isEqualTo(1);
  }

  @Test
  void whenThePlatformStepsInTheCaseGetsARedRemarkOnce() {
    PlatformCase c = returnRequestedOnPlatform("BALANCE");
    String refundId = c.refundId();
    String caseNo = c.caseNo();
    assertThat(post("/sandbox/platform/refunds/" + refundId + "/intervention", null).status()).isEqualTo(200);
    feed.poll();
    feed.poll();
    assertThat(count("SELECT COUNT(*) FROM order_remarks WHERE case_no = ? AND flag = 'RED' AND text LIKE ?", caseNo,
        "%平台客服已介入%")).isEqualTo(1);
    assertThat(caseView(caseNo).path("remarkFlag").asText()).isEqualTo("RED");
  }

  @Test
  void aRequestNoProcessTakesOpensNoCaseAndWaitsInTheDesksListWithWhy() {
    String orderNo = sellOnPlatform("128.00");
    String refundId = pressRefund(orderNo, true, "20.00", "商品降价");
    feed.poll();

    assertThat(caseOf(refundId)).isNull();
    assertThat(count("SELECT COUNT(*) FROM cases WHERE order_no = ?", orderNo)).isZero();
    Response list = send("GET", "/api/platform-refunds", null, "agent1", USER_PASSWORD);
    assertThat(list.status()).isEqualTo(200);
    JsonNode listed = null;
    for (JsonNode r : list.json()) {
      if (r.path("refundId").asText().equals(refundId)) listed = r;
    }
    assertThat(listed).as(list.body()).isNotNull();
    assertThat(listed.path("note").asText()).startsWith("未能开单：").contains("退差价");
    feed.poll();
    assertThat(count("SELECT COUNT(*) FROM platform_refunds WHERE refund_id = ?", refundId)).isEqualTo(1);
  }

  @Test
  void thePlatformDownStopsTheFeedWhereItWasAndSaysWhyThenItReadsOn() {
    String orderNo = sellOnPlatform("128.00");
    String refundId = pressRefund(orderNo, true, "128.00", "七天无理由退换货");
    assertThat(send("PUT", "/sandbox/outages/PLATFORM", "{\"reason\":\"双11 限流\"}", ADMIN, ADMIN_PASSWORD)
        .status()).isEqualTo(204);
    try {
      feed.poll();
      assertThat(get("/api/platform-refunds/" + refundId).status()).isEqualTo(404);
      Response status = send("GET", "/api/platform-refunds/feed", null, "manager1", USER_PASSWORD);
      assertThat(status.status()).isEqualTo(200);
      assertThat(status.json().path("lastError").asText()).contains("读取平台退款列表失败").contains("双11 限流");
    } finally {
      assertThat(send("DELETE", "/sandbox/outages/PLATFORM", null, ADMIN, ADMIN_PASSWORD).status()).isEqualTo(204);
    }
    feed.poll();
    assertThat(caseOf(refundId)).isNotNull();
    assertThat(get("/api/platform-refunds/feed").json().hasNonNull("lastError")).isFalse();
  }

  @Test
  void anAnswerThePlatformCannotTakeEndsAsAnIncidentAndARetryAnswersOnce() {
    PlatformCase c = returnRequestedOnPlatform("BALANCE");
    String refundId = c.refundId();
    String caseNo = c.caseNo();
    completeTask(caseNo, "retain", Map.of("retained", false));
    send("PUT", "/sandbox/outages/PLATFORM", "{\"reason\":\"开放平台维护\"}", ADMIN, ADMIN_PASSWORD);
    try {
      for (int attempt = 0; attempt < 5; attempt++) {
        for (Job job : replyJobs(refundId)) {
          try {
            engine.getManagementService().executeJob(job.getId());
          } catch (RuntimeException expected) {
            // the platform is down: the job fails and counts down its retries
          }
        }
      }
      List<org.camunda.bpm.engine.runtime.Incident> incidents = engine.getRuntimeService().createIncidentQuery()
          .processDefinitionKeyIn(PlatformReplyVariables.PROCESS).list().stream()
          .filter(i -> replyInstances(refundId).contains(i.getProcessInstanceId())).toList();
      assertThat(incidents).isNotEmpty();
      assertThat(incidents).allSatisfy(i -> assertThat(i.getIncidentMessage()).contains("开放平台维护")
          .startsWith("售后单 " + caseNo + " 的答复（"));
      assertThat(incidents).anySatisfy(i -> assertThat(i.getIncidentMessage()).contains("同意退货"));
      assertThat(record(refundId)).noneMatch(a -> a.startsWith("AGREE_RETURN"));
    } finally {
      send("DELETE", "/sandbox/outages/PLATFORM", null, ADMIN, ADMIN_PASSWORD);
    }
    for (String instance : replyInstances(refundId)) {
      engine.getManagementService().createJobQuery().processInstanceId(instance).list()
          .forEach(job -> engine.getManagementService().setJobRetries(job.getId(), 1));
    }
    // as a manager's "retry" in Cockpit: the job runs again at once
    replyJobs(refundId).forEach(job -> engine.getManagementService().executeJob(job.getId()));
    assertThat(record(refundId).stream().filter(a -> a.startsWith("AGREE_RETURN ")).count()).isEqualTo(1);
    assertThat(platformRefund(refundId).path("state").asText()).isEqualTo("WAIT_BUYER_RETURN_GOODS");
  }

  @Test
  void aRefundThePlatformPaidByItselfIsNotPaidAgainByTheDesk() {
    PlatformCase c = returnRequestedOnPlatform("BALANCE");
    String orderNo = c.orderNo();
    String refundId = c.refundId();
    String caseNo = c.caseNo();
    // the seller's time to answer ran out: the platform refunded the buyer from escrow itself
    jdbc.update("UPDATE sandbox_platform_refunds SET state = 'SUCCESS', modified = ? WHERE refund_id = ?",
        java.sql.Timestamp.from(java.time.Instant.now()), refundId);
    feed.poll();

    completeTask(caseNo, "retain", Map.of("retained", true, "retentionAmount", 20.0));
    sendReplies(refundId);

    assertThat(count("SELECT COUNT(*) FROM sandbox_payments WHERE order_no = ?", orderNo)).as("no transfer, no refund")
        .isZero();
    assertThat(record(refundId)).noneMatch(a -> a.startsWith("AGREE_REFUND"));
    assertThat(jdbc.queryForObject("SELECT provider_ref FROM refunds WHERE case_no = ?", String.class, caseNo))
        .isEqualTo("平台退款单 " + refundId);
  }

  @Test
  void onlyTheIntegrationsPlayTheSandboxPlatformAndWarehouseStaffDoNotReadItsRefunds() {
    String orderNo = sellOnPlatform("128.00");
    int before = count("SELECT COUNT(*) FROM sandbox_platform_refunds WHERE order_no = ?", orderNo);
    String body = "{\"orderNo\":\"" + orderNo + "\",\"goodsReturned\":true,\"amount\":128.00,\"reason\":\"质量问题\"}";
    for (String user : List.of("agent1", "manager1", "wh1", "analyst1")) {
      assertThat(send("POST", "/sandbox/platform/refunds", body, user, USER_PASSWORD).status()).as(user).isEqualTo(403);
    }
    assertThat(count("SELECT COUNT(*) FROM sandbox_platform_refunds WHERE order_no = ?", orderNo)).isEqualTo(before);
    assertThat(send("GET", "/api/platform-refunds", null, "wh1", USER_PASSWORD).status()).isEqualTo(403);
    assertThat(send("GET", "/api/platform-refunds/feed", null, "analyst1", USER_PASSWORD).status()).isEqualTo(403);
  }

  @Test
  void theSandboxPlatformRefusesWhatItsFormWouldNotTakeNamingTheField() {
    String orderNo = sellOnPlatform("128.00");
    Response unknownReason = post("/sandbox/platform/refunds", "{\"orderNo\":\"" + orderNo
        + "\",\"goodsReturned\":true,\"amount\":128.00,\"reason\":\"就是想退\"}");
    assertThat(unknownReason.status()).isEqualTo(400);
    assertThat(unknownReason.json().path("field").asText()).isEqualTo("reason");
    Response tooMuch = post("/sandbox/platform/refunds", "{\"orderNo\":\"" + orderNo
        + "\",\"goodsReturned\":true,\"amount\":128.01,\"reason\":\"质量问题\"}");
    assertThat(tooMuch.status()).isEqualTo(400);
    assertThat(tooMuch.json().path("field").asText()).isEqualTo("amount");
    Response asText = post("/sandbox/platform/refunds", "{\"orderNo\":\"" + orderNo
        + "\",\"goodsReturned\":\"yes\",\"amount\":12.00,\"reason\":\"质量问题\"}");
    assertThat(asText.status()).isEqualTo(400);
    assertThat(post("/sandbox/platform/refunds", "{\"orderNo\":\"NOPE-" + orderNo
        + "\",\"goodsReturned\":true,\"amount\":1.00,\"reason\":\"质量问题\"}").status()).isEqualTo(404);
    assertThat(count("SELECT COUNT(*) FROM sandbox_platform_refunds WHERE order_no = ?", orderNo)).isZero();

    String refundId = pressRefund(orderNo, true, "128.00", "质量问题");
    Response early = post("/sandbox/platform/refunds/" + refundId + "/return-shipment",
        "{\"carrier\":\"YTO\",\"trackingNo\":\"YT1\"}");
    assertThat(early.status()).as("no return parcel before the seller agreed the return").isEqualTo(409);
    assertThat(post("/sandbox/platform/refunds", "{\"orderNo\":\"" + orderNo
        + "\",\"goodsReturned\":true,\"amount\":10.00,\"reason\":\"质量问题\"}").status())
        .as("one request under way per order line").isEqualTo(409);
    assertThat(post("/sandbox/platform/refunds/" + refundId + "/cancel", null).status()).isEqualTo(200);
    assertThat(post("/sandbox/platform/refunds/" + refundId + "/cancel", null).status()).isEqualTo(409);
    assertThat(get("/sandbox/platform/refunds/999").status()).isEqualTo(404);
  }
}
