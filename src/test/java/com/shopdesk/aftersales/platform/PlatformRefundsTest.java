package com.shopdesk.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
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
class PlatformRefundsTest extends AfterSalesTest {
  @Autowired PlatformRefundFeed feed;

  private String sellOnPlatform(String price) {
    String orderNo = newOrderNo();
    Response sold = send("PUT", "/sandbox/platform/orders/" + orderNo, """
        {"orderNo":"%s","buyer":{"id":"tb_%s","name":"周女士","phone":"13800000000"},
         "items":[{"sku":"BY-1","name":"白玉茶盏","category":"teaware","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"status":"DELIVERED","shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"},
         "deliveredAt":"%s","paymentChannel":"BALANCE"}""".formatted(orderNo, orderNo, price, price, orderNo,
        OffsetDateTime.now().minusDays(2)), ADMIN, ADMIN_PASSWORD);
    assertThat(sold.status()).as(sold.body()).isEqualTo(204);
    return orderNo;
  }

  private String pressRefund(String orderNo, boolean goodsReturned, String amount, String reason) {
    Response r = post("/sandbox/platform/refunds", """
        {"orderNo":"%s","goodsReturned":%s,"amount":%s,"reason":"%s","description":"杯沿有裂纹"}"""
        .formatted(orderNo, goodsReturned, amount, reason));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("refundId").asText();
  }

  private String caseOf(String refundId) {
    Response r = get("/api/platform-refunds/" + refundId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("caseNo").asText(null);
  }

  /** Runs the replies the desk started for this platform refund (business key = refund id). */
  private void sendReplies(String refundId) {
    for (int round = 0; round < 5; round++) {
      List<Job> due = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(refundId)
          .processDefinitionKey(PlatformReplyVariables.PROCESS).list().stream()
          .flatMap(p -> engine.getManagementService().createJobQuery().processInstanceId(p.getId()).executable()
              .list().stream()).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private List<String> record(String refundId) {
    Response r = get("/sandbox/platform/refunds/" + refundId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> actions = new ArrayList<>();
    r.json().path("actions").forEach(a -> actions.add(a.path("action").asText() + " " + a.path("detail").asText()));
    return actions;
  }

  private JsonNode platformRefund(String refundId) {
    return get("/sandbox/platform/refunds/" + refundId).json().path("refund");
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
    completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "resaleable", true, "disposition", "RESTOCK"));
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
}
