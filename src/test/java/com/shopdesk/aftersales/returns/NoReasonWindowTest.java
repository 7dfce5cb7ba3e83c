package com.shopdesk.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 7-day no-reason window is 7 × 24 hours from the sign-off, to the minute: a request a few minutes inside
 * it goes to the retention attempt, one a few minutes after it to the late-request review, and a refused late
 * request tells the buyer when the parcel was signed for and when the window ended.
 */
class NoReasonWindowTest extends AfterSalesTest {

  private String order(OffsetDateTime deliveredAt, Boolean platformSaysClosed) {
    String orderNo = newOrderNo();
    Response r = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_w","name":"吴女士"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":128.00}],
         "paidAmount":128.00,"status":"DELIVERED","shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"}%s%s}"""
        .formatted(orderNo, orderNo, deliveredAt == null ? "" : ",\"deliveredAt\":\"" + deliveredAt + "\"",
            platformSaysClosed == null ? "" : ",\"returnWindowClosed\":" + platformSaysClosed));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return orderNo;
  }

  private String open(String orderNo) {
    String caseNo = openCaseThroughApi(
        "{\"orderNo\":\"" + orderNo + "\",\"request\":\"RETURN_REFUND\",\"reason\":\"NO_REASON\"}");
    runDueJobsOfCase(caseNo);
    return caseNo;
  }

  private String waitingAt(String caseNo) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).singleResult()
        .getTaskDefinitionKey();
  }

  @Test
  void sevenDaysLessTwoMinutesAfterSignOffIsStillInside() {
    String caseNo = open(order(OffsetDateTime.now().minus(Duration.ofDays(7).minusMinutes(2)), null));
    assertThat(waitingAt(caseNo)).isEqualTo("retain");
  }

  @Test
  void sevenDaysAndTwoMinutesAfterSignOffIsLateAndTheRefusalSaysWhy() {
    OffsetDateTime signedOff = OffsetDateTime.parse("2026-11-20T14:03:00+08:00");
    // whole days would say 7, which is not more than 7: the old rule let this one through
    OffsetDateTime now = OffsetDateTime.now();
    String caseNo = open(order(now.minus(Duration.ofDays(7).plusMinutes(2)), null));
    assertThat(waitingAt(caseNo)).isEqualTo("lateReview");
    assertThat(engine.getTaskService().getVariable(task(caseNo, "lateReview").getId(), "noReasonEndsText"))
        .isNotEqualTo("以平台为准");

    String lateOrder = order(signedOff, null);
    String late = open(lateOrder);
    assertThat(engine.getTaskService().getVariable(task(late, "lateReview").getId(), "deliveredAtText"))
        .isEqualTo("2026-11-20 14:03");
    completeTask(late, "lateReview", Map.of("goodwillAccepted", false));
    assertThat(caseView(late).path("resolution").asText()).isEqualTo("REJECTED");
    assertThat(buyerMessages(late)).contains("2026-11-20 14:03 签收").contains("到 2026-11-27 14:03 为止")
        .contains("无法受理退货");
  }

  @Test
  void withoutASignOffTimeOnlyThePlatformClosesTheWindow() {
    assertThat(waitingAt(open(order(null, null)))).isEqualTo("retain");
    assertThat(waitingAt(open(order(null, false)))).isEqualTo("retain");
    String closed = open(order(null, true));
    assertThat(waitingAt(closed)).isEqualTo("lateReview");
    assertThat(engine.getTaskService().getVariable(task(closed, "lateReview").getId(), "deliveredAtText"))
        .isEqualTo("签收时间未知");
  }

  @Test
  void aSignOffTimeOutweighsThePlatformsFlag() {
    String caseNo = open(order(OffsetDateTime.now().minusDays(2), true));
    assertThat(waitingAt(caseNo)).isEqualTo("retain");
  }
}
