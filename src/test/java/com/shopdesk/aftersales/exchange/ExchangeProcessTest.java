package com.shopdesk.aftersales.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.sandbox.SandboxWarehouse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/exchange.bpmn, with the return it calls and the pickup watch on the replacement. */
class ExchangeProcessTest extends AfterSalesTest {
  @Autowired SandboxWarehouse warehouse;

  private String deliveredShoes(String orderNo) {
    Response r = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_s","name":"沈女士"},
         "items":[{"sku":"SHOE-38","name":"帆布鞋 38 码","category":"shoes","quantity":1,"unitPrice":199.00}],
         "paidAmount":199.00,"shippingInsurance":true,"status":"DELIVERED",
         "shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"},"deliveredAt":"%s"}"""
        .formatted(orderNo, orderNo, OffsetDateTime.now().minusDays(2)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return orderNo;
  }

  private String openExchange(String orderNo, String reason, String wanted) {
    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"EXCHANGE","reason":"%s",
         "items":[{"sku":"SHOE-38","quantity":1,"replacementSku":"%s"}],"evidence":["https://img.example/shoe.jpg"]}"""
        .formatted(orderNo, reason, wanted));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("process").asText()).isEqualTo("exchange");
    String caseNo = r.json().path("caseNo").asText();
    runDueJobsOfCase(caseNo);
    return caseNo;
  }




  private void shipBackAndDeliver(String caseNo, String trackingNo) {
    assertThat(post("/api/cases/" + caseNo + "/return-shipment", """
        {"carrier":"YTO","trackingNo":"%s","shippingFee":10.00}""".formatted(trackingNo)).status()).isEqualTo(202);
    runDueJobsOfCase(caseNo);
    push(caseNo, "YTO", trackingNo, "DELIVERED");
  }

  /** The latest replacement parcel's tracking number, or null before one was shipped. */
  private String replacementTrackingNo(String caseNo) {
    String found = null;
    for (JsonNode parcel : caseView(caseNo).path("parcels")) {
      if (parcel.path("kind").asText().equals("REPLACEMENT")) {
        found = parcel.path("trackingNo").asText();
      }
    }
    return found;
  }


  /** The original passed inspection, the replacement shipped, and its pickup deadline passed without a scan. */
  private void replacementShippedButNotPickedUp(String caseNo) {
    completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "RESTOCK"));
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(49).toMillis()));
    runDueJobsOfCase(caseNo);
  }

  @Override
  protected JsonNode closed(String caseNo, String resolution) {
    JsonNode view = super.closed(caseNo, resolution);
    assertThat(view.path("remarks")).hasSize(1);
    return view;
  }

  @Test
  void aWrongSizeTheBuyerPaysForBothWays() {
    String orderNo = deliveredShoes(newOrderNo());
    String caseNo = openExchange(orderNo, "PERSONAL", "SHOE-39");
    assertThat(caseView(caseNo).path("items").get(0).path("replacementSku").asText()).isEqualTo("SHOE-39");
    assertThat(buyerMessages(caseNo)).contains("运费需要您承担");

    shipBackAndDeliver(caseNo, "YT-" + orderNo);
    assertThat(replacementTrackingNo(caseNo)).as("no replacement before inspection").isNull();
    completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "RESTOCK"));

    String replacement = replacementTrackingNo(caseNo);
    assertThat(replacement).isNotNull();
    assertThat(buyerMessages(caseNo)).contains(replacement).contains("到付");
    push(caseNo, "ZTO", replacement, "PICKED_UP");

    JsonNode view = closed(caseNo, "EXCHANGED");
    assertThat(view.path("disposition").asText()).isEqualTo("RESTOCK");
    assertThat(view.path("refunds")).isEmpty();
    assertThat(view.path("parcels").findValuesAsText("kind")).containsExactly("OUTBOUND", "RETURN", "REPLACEMENT");
  }

  @Test
  void aWrongItemTheSellerPaysForShipsTheReplacementFirst() {
    String orderNo = deliveredShoes(newOrderNo());
    String caseNo = openExchange(orderNo, "WRONG_ITEM", "SHOE-38");
    assertThat(engine.getTaskService().getVariable(task(caseNo, "reviewEvidence").getId(), "replacementSummary"))
        .isEqualTo("帆布鞋 38 码（SHOE-38）×1 换 同款");
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
    assertThat(buyerMessages(caseNo)).contains("运费由我们承担");

    assertThat(buyerMessages(caseNo)).contains("按您实际支付的运费全额退还").doesNotContain("运费险");
    assertThat(post("/api/cases/" + caseNo + "/return-shipment", """
        {"carrier":"YTO","trackingNo":"YT-%s","shippingFee":15.00}""".formatted(orderNo)).status()).isEqualTo(202);
    runDueJobsOfCase(caseNo);
    String replacement = replacementTrackingNo(caseNo);
    assertThat(replacement).as("shipped before the original arrived").isNotNull();
    assertThat(buyerMessages(caseNo)).contains("先行发出").doesNotContain("到付");
    push(caseNo, "ZTO", replacement, "PICKED_UP");

    push(caseNo, "YTO", "YT-" + orderNo, "DELIVERED");
    completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "REPAIR"));

    JsonNode view = closed(caseNo, "EXCHANGED");
    assertThat(view.path("disposition").asText()).isEqualTo("REPAIR");
    assertThat(historicVariable(caseNo, "return-receipt", "resaleable")).as("derived from the disposition")
        .isEqualTo(false);
    assertThat(view.path("refunds")).as("the return shipping the seller pays, paid back").hasSize(1);
    assertThat(view.path("refunds").get(0).path("amount").decimalValue()).isEqualByComparingTo("15.00");
    assertThat(view.path("refunds").get(0).path("idempotencyKey").asText()).isEqualTo(caseNo + ":refundShipping");
    assertThat(jdbc.queryForObject("SELECT shipping_amount FROM refunds WHERE idempotency_key = ?",
        java.math.BigDecimal.class, caseNo + ":refundShipping")).as("not goods money").isEqualByComparingTo("15.00");
    assertThat(view.path("parcels").findValuesAsText("kind")).containsExactly("OUTBOUND", "RETURN", "REPLACEMENT");
  }

  @Test
  void aReturnShippingClaimAbovePlausibleIsConfirmedByAnAgentBeforeItIsPaidBack() {
    String orderNo = deliveredShoes(newOrderNo());
    String caseNo = openExchange(orderNo, "WRONG_ITEM", "SHOE-38");
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
    assertThat(post("/api/cases/" + caseNo + "/return-shipment", """
        {"carrier":"YTO","trackingNo":"YT-%s","shippingFee":55.00}""".formatted(orderNo)).status()).isEqualTo(202);
    runDueJobsOfCase(caseNo);
    push(caseNo, "ZTO", replacementTrackingNo(caseNo), "PICKED_UP");
    push(caseNo, "YTO", "YT-" + orderNo, "DELIVERED");
    completeTask(caseNo, "inspection", Map.of("inspectionPassed", true, "disposition", "RESTOCK"));

    assertThat(task(caseNo, "reviewShipping").getName()).isEqualTo("核实退货运费");
    completeTask(caseNo, "reviewShipping", Map.of("shippingFee", 55.0));
    JsonNode view = closed(caseNo, "EXCHANGED");
    assertThat(view.path("refunds").get(0).path("amount").decimalValue()).as("all of it, once confirmed")
        .isEqualByComparingTo("55.00");
  }

  @Test
  void outOfStockTheBuyerTakesARefundInstead() {
    String orderNo = deliveredShoes(newOrderNo());
    warehouse.stock("SHOE-40", 0);
    String caseNo = openExchange(orderNo, "PERSONAL", "SHOE-40");
    completeTask(caseNo, "outOfStock", Map.of("acceptRefund", true));

    closed(caseNo, "TO_RETURN");
    JsonNode open = get("/api/cases?orderNo=" + orderNo + "&status=OPEN").json();
    assertThat(open.get(0).path("process").asText()).isEqualTo("return-refund");
    assertThat(open.get(0).path("linkedFrom").asText()).isEqualTo(caseNo);
    String refundCase = open.get(0).path("caseNo").asText();
    assertThat(caseView(refundCase).path("items").get(0).has("replacementSku")).isFalse();
    runDueJobsOfCase(refundCase);
    assertThat(buyerMessages(refundCase)).as("straight to the return, no retention attempt").contains("将商品寄回");
  }

  @Test
  void outOfStockTheBuyerWaitsForRestock() {
    String orderNo = deliveredShoes(newOrderNo());
    warehouse.stock("SHOE-41", 0);
    String caseNo = openExchange(orderNo, "PERSONAL", "SHOE-41");
    completeTask(caseNo, "outOfStock", Map.of("acceptRefund", false, "waitForRestock", true));

    warehouse.stock("SHOE-41", 5);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(1).plusMinutes(1).toMillis()));
    runDueJobsOfCase(caseNo);
    assertThat(buyerMessages(caseNo)).as("the return starts once it is in stock").contains("将商品寄回");
  }

  @Test
  void noParcelWithinTheDeadlineClosesTheExchangeAndTellsTheBuyer() {
    String caseNo = openExchange(deliveredShoes(newOrderNo()), "PERSONAL", "SHOE-39");
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(8).toMillis()));
    runDueJobsOfCase(caseNo);
    closed(caseNo, "EXPIRED");
    assertThat(buyerMessages(caseNo)).contains("没有收到您的换货寄回单号，这次换货申请已关闭");
  }

  @Test
  void outOfStockTheBuyerCancels() {
    String orderNo = deliveredShoes(newOrderNo());
    warehouse.stock("SHOE-42", 0);
    String caseNo = openExchange(orderNo, "PERSONAL", "SHOE-42");
    completeTask(caseNo, "outOfStock", Map.of("acceptRefund", false, "waitForRestock", false));
    closed(caseNo, "CANCELLED");
  }

  @Test
  void aReplacementNotPickedUpInTimeGoesToTheRemedyTask() {
    String orderNo = deliveredShoes(newOrderNo());
    String caseNo = openExchange(orderNo, "PERSONAL", "SHOE-39");
    shipBackAndDeliver(caseNo, "YT-" + orderNo);
    replacementShippedButNotPickedUp(caseNo);
    assertThat(task(caseNo, "remedy").getName()).isEqualTo("补发或退款");
    completeTask(caseNo, "remedy", Map.of("remedy", "REFUND", "refundAmount", 199.0));
    closed(caseNo, "REFUNDED");
  }

  @Test
  void aReplacementNotPickedUpTwiceGoesToManagersAndIsResentAtTheShopsCost() {
    String orderNo = deliveredShoes(newOrderNo());
    String caseNo = openExchange(orderNo, "PERSONAL", "SHOE-39");
    shipBackAndDeliver(caseNo, "YT-" + orderNo);
    replacementShippedButNotPickedUp(caseNo);
    String first = replacementTrackingNo(caseNo);
    assertThat(warehouse.withdrawn("ZTO", first)).as("only one replacement may go out").isTrue();
    completeTask(caseNo, "remedy", Map.of("remedy", "RESHIP", "refundAmount",
        engine.getTaskService().getVariable(task(caseNo, "remedy").getId(), "refundAmount")));
    String second = replacementTrackingNo(caseNo);
    assertThat(buyerMessages(caseNo).lines().filter(m -> m.contains(second))).singleElement().asString()
        .doesNotContain("到付");

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(98).toMillis()));
    runDueJobsOfCase(caseNo);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo)
        .taskDefinitionKey("remedy").count()).isZero();
    assertThat(task(caseNo, "managerRemedy").getName()).isEqualTo("新品仍未揽收（主管）");
    completeTask(caseNo, "managerRemedy", Map.of("remedy", "REFUND", "refundAmount", 199.0));
    closed(caseNo, "REFUNDED");
  }

  @Test
  void afterTheShippingWasPaidBackARefundInsteadOfTheReplacementIsTheGoodsValue() {
    String orderNo = deliveredShoes(newOrderNo());
    String caseNo = openExchange(orderNo, "WRONG_ITEM", "SHOE-38");
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
    post("/api/cases/" + caseNo + "/return-shipment", """
        {"carrier":"YTO","trackingNo":"YT-%s","shippingFee":15.00}""".formatted(orderNo));
    runDueJobsOfCase(caseNo);
    push(caseNo, "YTO", "YT-" + orderNo, "DELIVERED");
    replacementShippedButNotPickedUp(caseNo);

    assertThat(engine.getTaskService().getVariable(task(caseNo, "remedy").getId(), "refundAmount"))
        .as("the form suggests the goods' value, not the shipping paid back before").isEqualTo(199.0);
    completeTask(caseNo, "remedy", Map.of("remedy", "REFUND", "refundAmount", 199.0));
    closed(caseNo, "REFUNDED");
    assertThat(jdbc.queryForObject("SELECT shipping_amount FROM refunds WHERE idempotency_key = ?",
        java.math.BigDecimal.class, caseNo + ":refund")).isEqualByComparingTo("0.00");
  }

  @Test
  void failedInspectionIsRefused() {
    String orderNo = deliveredShoes(newOrderNo());
    String caseNo = openExchange(orderNo, "PERSONAL", "SHOE-39");
    shipBackAndDeliver(caseNo, "YT-" + orderNo);
    completeTask(caseNo, "inspection", Map.of("inspectionPassed", false,
        "inspectionComment", "鞋底已磨损，不是新鞋"));
    completeTask(caseNo, "refuseReturn", Map.of("refuseReason", "寄回的鞋已穿过"));
    closed(caseNo, "REJECTED");
    assertThat(buyerMessages(caseNo)).contains("无法为您办理换货").doesNotContain("退款");
    assertThat(replacementTrackingNo(caseNo)).isNull();
  }

  @Test
  void aBuyerOfferedCompensationMayAskForAnExchangeInstead() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "300.00", 1);
    String caseNo = post("/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY"}""".formatted(orderNo)).json().path("caseNo").asText();
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
    completeTask(caseNo, "negotiateCompensation", Map.of("buyerAcceptsCompensation", false,
        "declinedChoice", "EXCHANGE"));

    closed(caseNo, "TO_EXCHANGE");
    JsonNode open = get("/api/cases?orderNo=" + orderNo + "&status=OPEN").json();
    assertThat(open.get(0).path("process").asText()).isEqualTo("exchange");
    assertThat(open.get(0).path("linkedFrom").asText()).isEqualTo(caseNo);
  }
}
