package com.shopdesk.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.courier.CourierEvent;
import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.sandbox.SandboxCourier;
import com.shopdesk.aftersales.sandbox.SandboxPayments;
import com.shopdesk.aftersales.sandbox.SandboxWarehouse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/return-refund.bpmn and the return it calls, bpmn/return-receipt.bpmn. */
class ReturnRefundProcessTest extends AfterSalesTest {
  @Autowired SandboxPayments payments;
  @Autowired SandboxCourier courier;
  @Autowired SandboxWarehouse warehouse;

  /** A delivered order; {@code daysAgo} since delivery, one item of the given category and price. */
  private String deliveredOrder(String category, String price, int daysAgo, boolean insured) {
    String orderNo = newOrderNo();
    Response r = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_r","name":"刘女士"},
         "items":[{"sku":"SKU-1","name":"测试商品","category":"%s","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"shippingInsurance":%s,"status":"DELIVERED",
         "shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"},"deliveredAt":"%s"}"""
        .formatted(orderNo, category, price, price, insured, orderNo, OffsetDateTime.now().minusDays(daysAgo)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return orderNo;
  }

  private String openCase(String orderNo, String request, String reason, String amount) {
    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"%s","reason":"%s","amount":%s,"evidence":["https://img.example/a.jpg"]}"""
        .formatted(orderNo, request, reason, amount));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("process").asText()).isEqualTo("return-refund");
    return r.json().path("caseNo").asText();
  }



  private Response shipBack(String caseNo, String trackingNo, String fee) {
    return post("/api/cases/" + caseNo + "/return-shipment", """
        {"carrier":"YTO","trackingNo":"%s","shippingFee":%s}""".formatted(trackingNo, fee));
  }

  private void returnArrives(String caseNo, String trackingNo) {
    Response r = post("/api/courier-events", """
        {"carrier":"YTO","trackingNo":"%s","event":"DELIVERED","at":"%s"}""".formatted(trackingNo, OffsetDateTime.now()));
    assertThat(r.json().path("deliveredTo").asInt()).as(r.body()).isEqualTo(1);
    runDueJobsOfCase(caseNo);
  }

  @Override
  protected JsonNode closed(String caseNo, String resolution) {
    JsonNode view = super.closed(caseNo, resolution);
    assertThat(view.path("remarks")).hasSize(1);
    return view;
  }

  private static java.math.BigDecimal refunded(JsonNode view) {
    assertThat(view.path("refunds")).hasSize(1);
    return new java.math.BigDecimal(view.path("refunds").get(0).path("amount").asText());
  }


  @Nested
  class PersonalReasons {
    @Test
    void retainedWithASmallGoodwillRefund() {
      String caseNo = openCase(deliveredOrder("tea", "128.00", 2, true), "RETURN_REFUND", "PERSONAL", "128.00");
      completeTask(caseNo, "retain", Map.of("retained", true, "retentionAmount", 15.0));
      assertThat(refunded(closed(caseNo, "RETAINED"))).isEqualByComparingTo("15.00");
    }

    @Test
    void retainedWithoutMoney() {
      String caseNo = openCase(deliveredOrder("tea", "128.00", 2, true), "RETURN_REFUND", "NO_REASON", "128.00");
      completeTask(caseNo, "retain", Map.of("retained", true));
      assertThat(closed(caseNo, "RETAINED").path("refunds")).isEmpty();
    }

    @Test
    void notRetainedTheBuyerReturnsAtTheirOwnCost() {
      String orderNo = deliveredOrder("tea", "128.00", 2, true);
      String caseNo = openCase(orderNo, "RETURN_REFUND", "PERSONAL", "128.00");
      completeTask(caseNo, "retain", Map.of("retained", false));

      String told = buyerMessages(caseNo);
      assertThat(told).contains("环球仓").contains("运费需要您承担").contains("运费险").contains("最高 12 元");
      assertThat(shipBack(caseNo, "YT-" + orderNo, "10.00").status()).isEqualTo(202);
      returnArrives(caseNo, "YT-" + orderNo);
      Task inspection = task(caseNo, "inspection");
      assertThat(engine.getTaskService().getIdentityLinksForTask(inspection.getId()))
          .anyMatch(l -> "warehouse".equals(l.getGroupId()));
      completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "RESTOCK"));

      JsonNode view = closed(caseNo, "REFUNDED");
      assertThat(refunded(view)).as("the buyer pays the return shipping").isEqualByComparingTo("128.00");
      assertThat(view.path("disposition").asText()).isEqualTo("RESTOCK");
      assertThat(historicVariable(caseNo, "return-receipt", "resaleable")).as("derived from the disposition")
          .isEqualTo(true);
      assertThat(view.path("parcels").toString()).contains("RETURN").contains("YT-" + orderNo);
    }

    @Test
    void withoutShippingInsuranceTheMessageDoesNotPromiseIt() {
      String caseNo = openCase(deliveredOrder("tea", "128.00", 2, false), "RETURN_REFUND", "PERSONAL", "128.00");
      completeTask(caseNo, "retain", Map.of("retained", false));
      assertThat(buyerMessages(caseNo)).contains("运费需要您承担").doesNotContain("运费险");
    }

    @Test
    void afterSevenDaysAnAgentDecidesAndMayRefuse() {
      String caseNo = openCase(deliveredOrder("tea", "128.00", 10, true), "RETURN_REFUND", "NO_REASON", "128.00");
      completeTask(caseNo, "lateReview", Map.of("goodwillAccepted", false));
      closed(caseNo, "REJECTED");
    }

    @Test
    void afterSevenDaysGoodwillLeadsToTheRetentionAttempt() {
      String caseNo = openCase(deliveredOrder("tea", "128.00", 10, true), "RETURN_REFUND", "PERSONAL", "128.00");
      completeTask(caseNo, "lateReview", Map.of("goodwillAccepted", true));
      assertThat(task(caseNo, "retain").getName()).isEqualTo("挽留客户");
    }

    @Test
    void theOralIrrigatorGoesBackToTheBrandsWarehouse() {
      String caseNo = openCase(deliveredOrder("oral-irrigator", "299.00", 1, false), "RETURN_REFUND", "PERSONAL",
          "299.00");
      completeTask(caseNo, "retain", Map.of("retained", false));
      assertThat(buyerMessages(caseNo)).contains("顺丰云仓").doesNotContain("环球仓");
    }
  }

  @Nested
  class SellerSideReasons {
    @Test
    void compensationTheBuyerAccepts() {
      String caseNo = openCase(deliveredOrder("tea", "300.00", 3, true), "RETURN_REFUND", "QUALITY", "300.00");
      assertThat(task(caseNo, "reviewEvidence").getName()).isEqualTo("审核凭证");
      assertThat(engine.getTaskService().getVariable(task(caseNo, "reviewEvidence").getId(), "evidenceText"))
          .isEqualTo("[凭证1](https://img.example/a.jpg)");
      completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));

      Task negotiate = task(caseNo, "negotiateCompensation");
      assertThat(engine.getTaskService().getVariable(negotiate.getId(), "compensationAmount")).isEqualTo(20.0);
      completeTask(caseNo, "negotiateCompensation", Map.of("buyerAcceptsCompensation", true,
          "compensationAmount", 25.0));

      assertThat(refunded(closed(caseNo, "COMPENSATED"))).isEqualByComparingTo("25.00");
    }

    @Test
    void compensationDeclinedTheSellerPaysAllTheReturnShippingTheBuyerPaid() {
      String caseNo = sellerSideReturnInspected("NOT_AS_DESCRIBED", "25.00");
      assertThat(buyerMessages(caseNo)).contains("运费由我们承担").contains("按您实际支付的运费全额退还")
          .doesNotContain("最多");
      assertThat(refunded(closed(caseNo, "REFUNDED"))).as("300 plus all 25 of the shipping").isEqualByComparingTo("325.00");
    }

    /** A 300.00 seller-side claim, compensation declined, sent back with this fee, arrived and inspected. */
    private String sellerSideReturnInspected(String reason, String fee) {
      String orderNo = deliveredOrder("tea", "300.00", 3, false);
      String caseNo = openCase(orderNo, "RETURN_REFUND", reason, "300.00");
      completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
      completeTask(caseNo, "negotiateCompensation", Map.of("buyerAcceptsCompensation", false,
          "declinedChoice", "RETURN"));
      shipBack(caseNo, "YT-" + orderNo, fee);
      returnArrives(caseNo, "YT-" + orderNo);
      completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "RESTOCK"));
      return caseNo;
    }

    @Test
    void aShippingClaimAbovePlausibleGoesToAnAgentWhoConfirmsTheFee() {
      String caseNo = sellerSideReturnInspected("QUALITY", "48.00");
      String orderNo = caseView(caseNo).path("orderNo").asText();
      Task review = task(caseNo, "reviewShipping");
      assertThat(review.getName()).isEqualTo("核实退货运费");
      assertThat(engine.getTaskService().getVariable(review.getId(), "claimedShippingFee")).isEqualTo(48.0);
      assertThat(payments.payments(orderNo)).as("nothing paid before the fee is confirmed").isEmpty();
      completeTask(caseNo, "reviewShipping", Map.of("shippingFee", 42.0));
      assertThat(refunded(closed(caseNo, "REFUNDED"))).as("300 plus the 42 on the receipt").isEqualByComparingTo("342.00");
    }

    @Test
    void theBuyerPaysAndTheInsurerCoversAtMostTwelve() {
      String orderNo = deliveredOrder("tea", "128.00", 1, true);
      String caseNo = openCase(orderNo, "RETURN_REFUND", "PERSONAL", "128.00");
      completeTask(caseNo, "retain", Map.of("retained", false));
      assertThat(buyerMessages(caseNo)).contains("运费需要您承担").contains("6–12 元运费（最高 12 元）");
      shipBack(caseNo, "YT-" + orderNo, "15.00");
      returnArrives(caseNo, "YT-" + orderNo);
      completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "RESTOCK"));
      JsonNode view = closed(caseNo, "REFUNDED");
      assertThat(refunded(view)).isEqualByComparingTo("128.00");
      assertThat(view.path("timeline").toString()).contains("运费险预计赔付买家 ¥12.00（6–12 元，最高 12 元）");
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processInstanceId(view.path("processInstanceId").asText()).variableName("insuredShippingAmount")
          .singleResult().getValue()).isEqualTo(12.0);
    }

    @Test
    void theSellerPaysTheShippingTheBuyerActuallyPaidBelowTheCap() {
      String orderNo = deliveredOrder("tea", "800.00", 3, false);
      String caseNo = openCase(orderNo, "RETURN_REFUND", "QUALITY", "800.00");
      completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
      assertThat(engine.getTaskService().getVariable(task(caseNo, "negotiateCompensation").getId(),
          "compensationAmount")).as("above 500 compensation is offered first too").isEqualTo(50.0);
      completeTask(caseNo, "negotiateCompensation", Map.of("buyerAcceptsCompensation", false,
          "declinedChoice", "RETURN"));
      shipBack(caseNo, "YT-" + orderNo, "8.00");
      returnArrives(caseNo, "YT-" + orderNo);
      completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "RESTOCK"));
      assertThat(refunded(closed(caseNo, "REFUNDED"))).isEqualByComparingTo("808.00");
    }

    @Test
    void cheaperToRefundThanToShipBack() {
      String orderNo = deliveredOrder("tea", "10.00", 3, true);
      String caseNo = openCase(orderNo, "RETURN_REFUND", "QUALITY", "10.00");
      completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
      assertThat(refunded(closed(caseNo, "REFUNDED"))).isEqualByComparingTo("10.00");
      assertThat(caseView(caseNo).path("parcels").toString()).doesNotContain("RETURN");
    }

    @Test
    void spoiledPerishablesAreRefundedWithoutReturn() {
      String caseNo = openCase(deliveredOrder("fresh", "200.00", 1, false), "RETURN_REFUND", "QUALITY", "200.00");
      completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
      assertThat(refunded(closed(caseNo, "REFUNDED"))).isEqualByComparingTo("200.00");
      assertThat(buyerMessages(caseNo)).contains("已为您退款 ¥200.00");
    }

    @Test
    void aLargeRefundWithoutReturnWaitsForAManagerAndWithoutApprovalTheGoodsComeBack() {
      String orderNo = deliveredOrder("fresh", "1500.00", 1, false);
      String caseNo = openCase(orderNo, "RETURN_REFUND", "QUALITY", "1500.00");
      completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));

      Task approval = task(caseNo, "managerApproval");
      assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
          .anyMatch(l -> "managers".equals(l.getGroupId()));
      assertThat(payments.payments(orderNo)).isEmpty();
      completeTask(caseNo, "managerApproval", Map.of("approved", false));

      assertThat(payments.payments(orderNo)).isEmpty();
      assertThat(buyerMessages(caseNo)).as("the buyer is asked to send it back instead").contains("将商品寄回")
          .doesNotContain("已为您退款");
      assertThat(shipBack(caseNo, "YT-" + orderNo, "10.00").status()).isEqualTo(202);
    }

    @Test
    void aRefundAboveWhatTheOrderHasLeftIsNeverPaid() {
      String orderNo = deliveredOrder("tea", "50.00", 3, false);
      String caseNo = openCase(orderNo, "RETURN_REFUND", "QUALITY", "50.00");
      completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
      BpmnAwareTests.complete(task(caseNo, "negotiateCompensation"), Map.of("buyerAcceptsCompensation", true,
          "compensationAmount", 50.0));
      // between the agent's decision and the payment, another refund used up what the order had left
      jdbc.update("""
          INSERT INTO refunds (case_no, order_no, amount, shipping_amount, status, idempotency_key, created_at)
          VALUES (?, ?, 50.00, 0.00, 'SUCCEEDED', ?, CURRENT_TIMESTAMP)""", caseNo, orderNo, caseNo + ":elsewhere");

      assertThatThrownBy(() -> runDueJobsOfCase(caseNo)).hasMessageContaining("剩余可退 ¥0.00");
      assertThat(payments.payments(orderNo)).isEmpty();
      assertThat(caseView(caseNo).path("refunds")).hasSize(1);
      assertThat(caseView(caseNo).path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void unconfirmedClaimIsAReturnTheBuyerPaysFor() {
      String orderNo = deliveredOrder("tea", "300.00", 3, false);
      String caseNo = openCase(orderNo, "RETURN_REFUND", "QUALITY", "300.00");
      completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", false));
      assertThat(buyerMessages(caseNo)).contains("运费需要您承担");
      shipBack(caseNo, "YT-" + orderNo, "12.00");
      returnArrives(caseNo, "YT-" + orderNo);
      completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "RESTOCK"));
      assertThat(refunded(closed(caseNo, "REFUNDED"))).isEqualByComparingTo("300.00");
    }

    @Test
    void damageWithACrushedOuterBoxAlsoClaimsAgainstTheCourier() {
      String caseNo = openCase(deliveredOrder("teaware", "150.00", 1, false), "RETURN_REFUND", "DAMAGED", "150.00");
      completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true, "outerBoxCrushed", true));
      assertThat(courier.claims(caseNo)).isEqualTo(1);
      assertThat(task(caseNo, "negotiateCompensation")).isNotNull();
    }

    @Test
    void damageWithoutACrushedBoxClaimsNothing() {
      String caseNo = openCase(deliveredOrder("teaware", "150.00", 1, false), "RETURN_REFUND", "DAMAGED", "150.00");
      completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true, "outerBoxCrushed", false));
      assertThat(courier.claims(caseNo)).isZero();
    }

    @Test
    void aWrongItemIsOfferedCompensationFirstThenComesBackAtTheSellersCost() {
      String caseNo = openCase(deliveredOrder("tea", "128.00", 1, false), "RETURN_REFUND", "WRONG_ITEM", "128.00");
      completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
      assertThat(engine.getTaskService().getVariable(task(caseNo, "negotiateCompensation").getId(),
          "compensationAmount")).isEqualTo(20.0);
      completeTask(caseNo, "negotiateCompensation", Map.of("buyerAcceptsCompensation", false,
          "declinedChoice", "RETURN"));
      assertThat(buyerMessages(caseNo)).contains("运费由我们承担");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).count()).isZero();
    }
  }

  @Nested
  class TheReturn {
    private String returning(String orderNo, String amount) {
      String caseNo = openCase(orderNo, "RETURN_REFUND", "PERSONAL", amount);
      completeTask(caseNo, "retain", Map.of("retained", false));
      return caseNo;
    }

    @Test
    void everyInstanceOfTheCaseCarriesTheCaseNumber() {
      String caseNo = returning(deliveredOrder("tea", "128.00", 1, false), "128.00");
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo).list())
          .extracting(pi -> engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getKey())
          .containsExactlyInAnyOrder("return-refund", "return-receipt");
    }

    @Test
    void noParcelWithinTheDeadlineClosesTheCase() {
      String caseNo = returning(deliveredOrder("tea", "128.00", 1, false), "128.00");
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(6).toMillis()));
      runDueJobsOfCase(caseNo);
      assertThat(caseView(caseNo).path("status").asText()).isEqualTo("OPEN");

      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(8).toMillis()));
      runDueJobsOfCase(caseNo);
      assertThat(closed(caseNo, "EXPIRED").path("refunds")).isEmpty();
      assertThat(buyerMessages(caseNo)).contains("没有收到您的退货快递单号，这次售后申请已关闭");
    }

    @Test
    void noDeliveryWithinTheTransitDeadlineGoesToAnAgent() {
      String orderNo = deliveredOrder("tea", "128.00", 1, false);
      String caseNo = returning(orderNo, "128.00");
      shipBack(caseNo, "YT-" + orderNo, "10.00");
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(11).toMillis()));
      runDueJobsOfCase(caseNo);

      assertThat(task(caseNo, "returnFollowUp").getName()).isEqualTo("退货物流超时，跟进处理");
      completeTask(caseNo, "returnFollowUp", Map.of("returnFollowUp", "ARRIVED"));
      assertThat(task(caseNo, "inspection")).isNotNull();
    }

    @Test
    void theTransitDeadlineFindsADeliveryTheCourierDidNotPush() {
      String orderNo = deliveredOrder("tea", "128.00", 1, false);
      String caseNo = returning(orderNo, "128.00");
      shipBack(caseNo, "YT-" + orderNo, "10.00");
      courier.scan(new TrackingEvent("YTO", "YT-" + orderNo, CourierEvent.DELIVERED, OffsetDateTime.now()));
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(11).toMillis()));
      runDueJobsOfCase(caseNo);
      assertThat(task(caseNo, "inspection")).isNotNull();
    }

    @Test
    void theWarehouseSaysOnceWhetherTheGoodsCanBeResold() {
      String orderNo = deliveredOrder("tea", "128.00", 1, false);
      String caseNo = returning(orderNo, "128.00");
      shipBack(caseNo, "YT-" + orderNo, "10.00");
      returnArrives(caseNo, "YT-" + orderNo);
      Task inspection = task(caseNo, "inspection");
      // the answer is the disposition; the form no longer asks resaleable besides it
      assertThatThrownBy(() -> engine.getTaskService().complete(inspection.getId(), Map.of("inspectionPassed", true,
          "resaleable", true, "disposition", "RESTOCK"))).hasMessageContaining("resaleable");
      assertThatThrownBy(() -> engine.getTaskService().complete(inspection.getId(), Map.of("inspectionPassed", true)))
          .as("passed goods need their disposition").hasMessageContaining("disposition");
      completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "SCRAP"));

      assertThat(closed(caseNo, "REFUNDED").path("disposition").asText()).isEqualTo("SCRAP");
      assertThat(historicVariable(caseNo, "return-receipt", "resaleable")).isEqualTo(false);
    }

    @Test
    void failedInspectionIsRefusedWithReasonsAndTheGoodsGoBack() {
      String orderNo = deliveredOrder("tea", "128.00", 1, false);
      String caseNo = returning(orderNo, "128.00");
      shipBack(caseNo, "YT-" + orderNo, "10.00");
      returnArrives(caseNo, "YT-" + orderNo);
      completeTask(caseNo, "inspection", Map.of("inspectionPassed", false,
          "inspectionComment", "寄回的是空盒"));
      completeTask(caseNo, "refuseReturn", Map.of("refuseReason", "寄回的包裹内没有商品"));

      assertThat(closed(caseNo, "REJECTED").path("refunds")).isEmpty();
      assertThat(historicVariable(caseNo, "return-receipt", "resaleable")).isEqualTo(false);
      assertThat(warehouse.sentBack(caseNo)).isTrue();
      assertThat(buyerMessages(caseNo)).contains("寄回的包裹内没有商品");
    }

    @Test
    void aLargeRefundWaitsForAManager() {
      String orderNo = deliveredOrder("teaware", "1200.00", 1, false);
      String caseNo = returning(orderNo, "1200.00");
      shipBack(caseNo, "YT-" + orderNo, "15.00");
      returnArrives(caseNo, "YT-" + orderNo);
      completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "RESTOCK"));

      Task approval = task(caseNo, "managerApproval");
      assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
          .anyMatch(l -> "managers".equals(l.getGroupId()));
      assertThat(payments.payments(orderNo)).isEmpty();
      completeTask(caseNo, "managerApproval", Map.of("approved", true));
      assertThat(refunded(closed(caseNo, "REFUNDED"))).isEqualByComparingTo("1200.00");
    }

    @Test
    void aManagerMayNotApprove() {
      String orderNo = deliveredOrder("teaware", "1200.00", 1, false);
      String caseNo = returning(orderNo, "1200.00");
      shipBack(caseNo, "YT-" + orderNo, "15.00");
      returnArrives(caseNo, "YT-" + orderNo);
      completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "RESTOCK"));
      completeTask(caseNo, "managerApproval", Map.of("approved", false, "approvalComment", "商品已使用过"));
      JsonNode view = caseView(caseNo);
      assertThat(view.path("resolution").asText()).isEqualTo("REJECTED");
      assertThat(view.path("refunds")).isEmpty();
      assertThat(view.path("remarks").findValuesAsText("text")).as("the manager's reason, then the outcome")
          .containsExactly("售后 " + caseNo + "：主管未批准这笔退款：商品已使用过",
              "售后 " + caseNo + "：主管未批准退款，退回的商品已寄还买家");
      assertThat(warehouse.sentBack(caseNo)).as("the shop does not keep goods it did not pay for").isTrue();
      assertThat(buyerMessages(caseNo)).contains("未通过审核");
      assertThat(caseView(caseNo).has("disposition")).as("the goods left the warehouse again").isFalse();
    }

    @Test
    void theReturnParcelIsRefusedWhenItCannotBelongToTheCase() {
      String orderNo = deliveredOrder("tea", "128.00", 1, false);
      String caseNo = returning(orderNo, "128.00");

      assertThat(post("/api/cases/AS19990101-000001/return-shipment",
          "{\"carrier\":\"YTO\",\"trackingNo\":\"X1\"}").status()).isEqualTo(404);
      Response missing = post("/api/cases/" + caseNo + "/return-shipment", "{\"carrier\":\"YTO\"}");
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.json().path("field").asText()).isEqualTo("trackingNo");
      Response negative = shipBack(caseNo, "YT-" + orderNo, "-1.00");
      assertThat(negative.json().path("field").asText()).isEqualTo("shippingFee");

      assertThat(shipBack(caseNo, "YT-" + orderNo, "10.00").status()).isEqualTo(202);
      Response twice = shipBack(caseNo, "YT2-" + orderNo, "10.00");
      assertThat(twice.status()).isEqualTo(409);
      assertThat(twice.json().path("message").asText()).contains("YT-" + orderNo);
    }
  }

  @Test
  void aFailedInterceptionTheBuyerDoesNotWantHandsOverToAReturn() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "99.00", 1);
    String interception = post("/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"NO_REASON"}""".formatted(orderNo)).json()
        .path("caseNo").asText();
    runDueJobsOfCase(interception);
    post("/api/courier-events", """
        {"carrier":"ZTO","trackingNo":"ZT-%s","event":"DELIVERED","at":"%s"}""".formatted(orderNo, OffsetDateTime.now()));
    completeTask(interception, "negotiate", Map.of("buyerKeepsGoods", false));

    assertThat(closed(interception, "TO_RETURN").path("timeline").toString()).contains("已转退货退款");
    JsonNode open = get("/api/cases?orderNo=" + orderNo + "&status=OPEN").json();
    assertThat(open).hasSize(1);
    String returnCase = open.get(0).path("caseNo").asText();
    assertThat(open.get(0).path("process").asText()).isEqualTo("return-refund");
    assertThat(open.get(0).path("linkedFrom").asText()).isEqualTo(interception);
    assertThat(open.get(0).path("amount").decimalValue()).isEqualByComparingTo("99.00");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(returnCase).count())
        .as("the buyer has decided: no retention attempt").isZero();
    runDueJobsOfCase(returnCase);
    assertThat(buyerMessages(returnCase)).contains("将商品寄回");
  }
}
