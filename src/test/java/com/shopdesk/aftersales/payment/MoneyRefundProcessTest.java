package com.shopdesk.aftersales.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.sandbox.SandboxPayments;
import com.shopdesk.aftersales.sandbox.SandboxWarehouse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Money back with nothing sent back (仅退款: 退差价, 退运费, 多付邮费, 优惠未使用): small amounts at once, larger ones
 * agreed or refused by an agent within the deadline (then by managers), overpaid postage optionally settled with
 * goods shipped like a reshipment. Never a return, never an interception.
 */
class MoneyRefundProcessTest extends AfterSalesTest {
  @Autowired SandboxPayments payments;
  @Autowired SandboxWarehouse warehouse;

  private String order(String status, String price) {
    String orderNo = newOrderNo();
    Response r = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_m","name":"孟女士"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"status":"%s"%s}""".formatted(orderNo, price, price, status,
        status.equals("UNSHIPPED") ? "" : ",\"shipment\":{\"carrier\":\"ZTO\",\"trackingNo\":\"ZT-" + orderNo
            + "\"},\"deliveredAt\":\"" + OffsetDateTime.now().minusDays(3) + "\""));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return orderNo;
  }

  private String open(String orderNo, String reason, String amount) {
    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"%s","amount":%s,"note":"下单第二天降价了"}"""
        .formatted(orderNo, reason, amount));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("process").asText()).isEqualTo("money-refund");
    String caseNo = r.json().path("caseNo").asText();
    runDueJobsOfCase(caseNo);
    return caseNo;
  }

  @Override
  protected JsonNode closed(String caseNo, String resolution) {
    JsonNode view = super.closed(caseNo, resolution);
    assertThat(view.path("parcels").toString()).as("nothing comes back").doesNotContain("RETURN");
    return view;
  }

  private BigDecimal refunded(JsonNode view) {
    return view.path("refunds").size() == 0 ? BigDecimal.ZERO
        : view.path("refunds").get(0).path("amount").decimalValue();
  }

  @Test
  void aSmallPriceDifferenceIsRefundedAtOnce() {
    String orderNo = order("DELIVERED", "128.00");
    String caseNo = open(orderNo, "PRICE_DIFFERENCE", "15.00");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).count()).isZero();
    assertThat(refunded(closed(caseNo, "REFUNDED"))).isEqualByComparingTo("15.00");
    assertThat(buyerMessages(caseNo)).contains("已为您退款 ¥15.00");
    assertThat(payments.payments(orderNo)).hasSize(1);
  }

  @Test
  void aboveTheLimitAnAgentAgreesAndMayLowerTheAmount() {
    String caseNo = open(order("DELIVERED", "128.00"), "DISCOUNT_MISSED", "35.00");
    Task review = task(caseNo, "reviewMoney");
    assertThat(review.getName()).isEqualTo("审核仅退款");
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(l -> "agents".equals(l.getGroupId()));
    completeTask(caseNo, "reviewMoney", Map.of("refundAgreed", true, "refundAmount", 30.0));
    assertThat(refunded(closed(caseNo, "REFUNDED"))).isEqualByComparingTo("30.00");
  }

  @Test
  void aRefusalTellsTheBuyerWhy() {
    String orderNo = order("DELIVERED", "128.00");
    String caseNo = open(orderNo, "PRICE_DIFFERENCE", "40.00");
    completeTask(caseNo, "reviewMoney", Map.of("refundAgreed", false, "refusalReason", "降价发生在签收 30 天之后"));
    closed(caseNo, "REFUSED");
    assertThat(buyerMessages(caseNo)).contains("退差价申请这次未能通过，原因：降价发生在签收 30 天之后");
    assertThat(payments.payments(orderNo)).isEmpty();
  }

  @Test
  void overdueTheManagersDecideAndNeedNoSecondApproval() {
    String caseNo = open(order("DELIVERED", "2000.00"), "PRICE_DIFFERENCE", "1200.00");
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(25).toMillis()));
    runDueJobsOfCase(caseNo);
    Task escalated = task(caseNo, "reviewEscalated");
    assertThat(engine.getTaskService().getIdentityLinksForTask(escalated.getId()))
        .anyMatch(l -> "managers".equals(l.getGroupId()));
    completeTask(caseNo, "reviewEscalated", Map.of("refundAgreed", true, "refundAmount", 1200.0));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).list())
        .as("the agent's task went with it, and no approval is asked").extracting(Task::getTaskDefinitionKey).isEmpty();
    assertThat(refunded(closed(caseNo, "REFUNDED"))).isEqualByComparingTo("1200.00");
  }

  @Test
  void aLargeRefundAnAgentAgreedWaitsForAManagerWhoMayRefuseIt() {
    String orderNo = order("DELIVERED", "2000.00");
    String caseNo = open(orderNo, "PRICE_DIFFERENCE", "1200.00");
    completeTask(caseNo, "reviewMoney", Map.of("refundAgreed", true, "refundAmount", 1200.0));
    completeTask(caseNo, "managerApproval", Map.of("approved", false, "approvalComment", "差价计算有误"));
    closed(caseNo, "REFUSED");
    assertThat(buyerMessages(caseNo)).contains("经主管审核未获批准");
    assertThat(payments.payments(orderNo)).isEmpty();
  }

  @Test
  void overpaidPostageTheBuyerTakesGoodsInsteadShippedByTheWarehouse() {
    String orderNo = order("DELIVERED", "128.00");
    String caseNo = open(orderNo, "OVERPAID_SHIPPING", "25.00");
    completeTask(caseNo, "reviewMoney", Map.of("refundAgreed", true, "refundAmount", 25.0, "buyerChoice", "GOODS"));
    JsonNode view = closed(caseNo, "GOODS_IN_LIEU");
    assertThat(view.path("refunds")).isEmpty();
    assertThat(payments.payments(orderNo)).isEmpty();
    assertThat(view.path("parcels").toString()).contains("RESHIP");
    assertThat(buyerMessages(caseNo)).contains("改为给您补寄商品");
    assertThat(view.path("remarks").toString()).contains("买家选择补寄商品");
  }

  @Test
  void overpaidPostageTheBuyerTakesTheMoney() {
    String caseNo = open(order("DELIVERED", "128.00"), "OVERPAID_SHIPPING", "25.00");
    completeTask(caseNo, "reviewMoney", Map.of("refundAgreed", true, "refundAmount", 25.0, "buyerChoice", "REFUND"));
    assertThat(refunded(closed(caseNo, "REFUNDED"))).isEqualByComparingTo("25.00");
  }

  @Test
  void anUnshippedOrdersPriceDifferenceNeitherCancelsNorIntercepts() {
    String orderNo = order("UNSHIPPED", "128.00");
    String caseNo = open(orderNo, "PRICE_DIFFERENCE", "10.00");
    assertThat(refunded(closed(caseNo, "REFUNDED"))).isEqualByComparingTo("10.00");
    assertThat(warehouse.outboundStatus(orderNo)).as("the order still ships").isEqualTo("PENDING");
  }

  @Test
  void anAmountIsRequiredAndOnlyRefundOnlyTakesTheseReasons() {
    String orderNo = order("DELIVERED", "128.00");
    Response noAmount = post("/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"SHIPPING_FEE"}""".formatted(orderNo));
    assertThat(noAmount.status()).isEqualTo(400);
    assertThat(noAmount.json().path("field").asText()).isEqualTo("amount");
    Response asReturn = post("/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"PRICE_DIFFERENCE","amount":10.00}""".formatted(orderNo));
    assertThat(asReturn.status()).as(asReturn.body()).isEqualTo(422);
    assertThat(count("SELECT COUNT(*) FROM cases WHERE order_no = ?", orderNo)).isZero();
  }

  @Test
  void theBuyerMayWithdrawWhileTheManagersReview() {
    String caseNo = open(order("DELIVERED", "128.00"), "PRICE_DIFFERENCE", "40.00");
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(25).toMillis()));
    runDueJobsOfCase(caseNo);
    assertThat(task(caseNo, "reviewEscalated")).isNotNull();
    assertThat(send("POST", "/api/cases/" + caseNo + "/withdraw", "{\"reason\":\"不要了\"}", "manager1",
        USER_PASSWORD).status()).isEqualTo(200);
    runDueJobsOfCase(caseNo);
    closed(caseNo, "WITHDRAWN");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).count()).isZero();
  }

  @Test
  void theBuyerMayWithdrawWhileTheAgentReviews() {
    String orderNo = order("DELIVERED", "128.00");
    String caseNo = open(orderNo, "PRICE_DIFFERENCE", "40.00");
    Response r = send("POST", "/api/cases/" + caseNo + "/withdraw", "{\"reason\":\"商家已在聊天里补了红包\"}", "agent1",
        USER_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    runDueJobsOfCase(caseNo);
    closed(caseNo, "WITHDRAWN");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(
        caseView(caseNo).path("processInstanceId").asText()).count()).as("the deadline timer stopped").isZero();
    assertThat(buyerMessages(caseNo)).contains("仅退款申请已撤销");
  }
}
