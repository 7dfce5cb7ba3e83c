package com.shopdesk.aftersales.courier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.sandbox.SandboxCourier;
import com.shopdesk.aftersales.sandbox.SandboxWarehouse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/parcel-redirect.bpmn (改址与转寄) and the table it asks, bpmn/postal-transfer.dmn. */
class ParcelRedirectProcessTest extends AfterSalesTest {
  private static final String NEW_ADDRESS = "李先生 13900000001 江苏省苏州市姑苏区人民路 88 号";
  @Autowired SandboxCourier courier;
  @Autowired SandboxWarehouse warehouse;

  /** An order of one LJ-250 at this price, on its way with this carrier (ZTO and SF redirect by API in the sandbox). */
  private String order(String status, String carrier, String price) {
    String orderNo = newOrderNo();
    Response r = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_li","name":"李先生","phone":"13900000000","address":"上海市浦东新区世纪大道 100 号"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"status":"%s","shipment":{"carrier":"%s","trackingNo":"%s-%s"}}"""
        .formatted(orderNo, price, price, status, carrier, carrier, orderNo));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return orderNo;
  }

  /** A delivered order whose parcel the courier scanned as signed for. */
  private String signedOrder() {
    String orderNo = order("DELIVERED", "ZTO", "128.00");
    courier.scan(new TrackingEvent("ZTO", "ZTO-" + orderNo, CourierEvent.DELIVERED, OffsetDateTime.now().minusDays(1)));
    return orderNo;
  }

  private String open(String orderNo, String reason, String address) {
    Response r = post("/api/cases", "{\"orderNo\":\"" + orderNo + "\",\"request\":\"LOGISTICS\",\"reason\":\"" + reason
        + "\"" + (address == null ? "" : ",\"address\":\"" + address + "\"") + "}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("process").asText()).isEqualTo("parcel-redirect");
    String caseNo = r.json().path("caseNo").asText();
    runDueJobsOfCase(caseNo);
    return caseNo;
  }


  private String reshipTrackingNo(String caseNo) {
    return (String) historicVariable(caseNo, "parcel-redirect", "reshipTrackingNo");
  }

  private JsonNode orderView(String orderNo) {
    Response r = get("/api/orders/" + orderNo);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Nested
  class AddressChange {
    @Test
    void theCourierRedirectsTheParcelAndItIsDeliveredThere() {
      String orderNo = order("SHIPPED", "ZTO", "128.00");
      String caseNo = open(orderNo, "ADDRESS_CHANGE", NEW_ADDRESS);

      assertThat(courier.redirectedTo(caseNo, CourierGateway.RedirectKind.NEW_ADDRESS)).contains(NEW_ADDRESS);
      assertThat(buyerMessages(caseNo)).contains("改送到新地址：" + NEW_ADDRESS).contains("请您拒签");
      assertThat(caseView(caseNo).path("remarks").findValuesAsText("text"))
          .anyMatch(t -> t.contains("买家改地址：" + NEW_ADDRESS) && t.contains("快递已受理改址"));
      assertThat(caseView(caseNo).path("status").asText()).as("waits for the parcel").isEqualTo("OPEN");

      push(caseNo, "ZTO", "ZTO-" + orderNo, "DELIVERED");
      JsonNode view = closed(caseNo, "REDIRECTED");
      assertThat(view.path("remarks").findValuesAsText("text")).anyMatch(t -> t.endsWith("改址后买家已签收"));
      assertThat(view.path("timeline").toString()).contains("新收货地址：" + NEW_ADDRESS);
    }

    @Test
    void aCourierThatCannotHasTheBuyerRefuseAndTheReturnedParcelIsResentToTheNewAddress() {
      String orderNo = order("SHIPPED", "YTO", "128.00");
      String caseNo = open(orderNo, "ADDRESS_CHANGE", NEW_ADDRESS);
      assertThat(buyerMessages(caseNo)).contains("原地址派件时直接拒收").contains(NEW_ADDRESS);

      push(caseNo, "YTO", "YTO-" + orderNo, "REJECTED");
      String resent = reshipTrackingNo(caseNo);
      assertThat(warehouse.reshippedTo(caseNo, 1)).as("sent to the new address").contains(NEW_ADDRESS);
      assertThat(buyerMessages(caseNo)).contains("重新为您发货").contains(resent);
      assertThat(orderView(orderNo).path("receiptExtension").path("days").asInt()).isEqualTo(10);

      push(caseNo, "ZTO", resent, "PICKED_UP");
      JsonNode view = closed(caseNo, "RESHIPPED");
      assertThat(view.path("parcels").toString()).contains("RESHIP").contains(resent);
      assertThat(view.path("remarks").findValuesAsText("text")).anyMatch(t -> t.contains("新单号") && t.contains(resent));
    }

    @Test
    void aSignedParcelIsOnlyTriedAndAnAgentHandsItOverAsAReturn() {
      String orderNo = signedOrder();
      String caseNo = open(orderNo, "ADDRESS_CHANGE", NEW_ADDRESS);

      assertThat(buyerMessages(caseNo)).contains("已经显示签收").contains("只能尽量");
      assertThat(courier.redirectedTo(caseNo, CourierGateway.RedirectKind.NEW_ADDRESS)).as("asked anyway")
          .contains(NEW_ADDRESS);
      assertThat(engine.getTaskService().getVariable(task(caseNo, "decide").getId(), "redirectNote"))
          .isEqualTo("包裹已签收，快递无法改派");

      completeTask(caseNo, "decide", Map.of("redirectDecision", "RETURN_REFUND"));
      JsonNode view = closed(caseNo, "TO_RETURN");
      String linked = (String) historicVariable(caseNo, "parcel-redirect", "linkedCaseNo");
      JsonNode next = caseView(linked);
      assertThat(next.path("process").asText()).isEqualTo("return-refund");
      assertThat(next.path("reason").asText()).as("the buyer's own: not routed back here").isEqualTo("PERSONAL");
      assertThat(view.path("remarks").findValuesAsText("text")).anyMatch(t -> t.contains("包裹已签收，尽量修改"));
    }

    @Test
    void aSignedParcelTheBuyerGotAnywayIsClosedByTheAgent() {
      String caseNo = open(signedOrder(), "ADDRESS_CHANGE", NEW_ADDRESS);
      completeTask(caseNo, "decide", Map.of("redirectDecision", "CLOSE"));
      closed(caseNo, "RESOLVED");
    }

    @Test
    void noWordByTheDeadlineAsksTheTrackingThenAnAgent() {
      String orderNo = order("SHIPPED", "ZTO", "128.00");
      String caseNo = open(orderNo, "ADDRESS_CHANGE", NEW_ADDRESS);
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(5).plusMinutes(1).toMillis()));
      runDueJobsOfCase(caseNo);
      assertThat(caseView(caseNo).path("timeline").toString()).contains("查询物流");
      completeTask(caseNo, "decide", Map.of("redirectDecision", "RESHIP"));
      closed(caseNo, "TO_RESHIP");
      String linked = (String) historicVariable(caseNo, "parcel-redirect", "linkedCaseNo");
      assertThat(caseView(linked).path("process").asText()).isEqualTo("reship");
      completeTask(linked, "remedy", Map.of("remedy", "RESHIP", "refundAmount", 128.0));
      runDueJobsOfCase(linked);
      assertThat(warehouse.reshippedTo(linked, 1)).as("the linked reship goes to the new address").contains(NEW_ADDRESS);
    }

    @Test
    void aMissingOrBlankAddressIsRefusedNamingTheFieldAndNothingOpens() {
      String orderNo = order("SHIPPED", "ZTO", "128.00");
      for (String body : new String[] {
          "{\"orderNo\":\"%s\",\"request\":\"LOGISTICS\",\"reason\":\"ADDRESS_CHANGE\"}",
          "{\"orderNo\":\"%s\",\"request\":\"LOGISTICS\",\"reason\":\"ADDRESS_CHANGE\",\"address\":\"  \"}",
          "{\"orderNo\":\"%s\",\"request\":\"LOGISTICS\",\"reason\":\"ADDRESS_CHANGE\",\"address\":null}",
          "{\"orderNo\":\"%s\",\"request\":\"LOGISTICS\",\"reason\":\"NO_SERVICE\",\"address\":\"北京市\"}"}) {
        Response r = post("/api/cases", body.formatted(orderNo));
        assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo("address");
      }
      Response tooLong = post("/api/cases", "{\"orderNo\":\"" + orderNo
          + "\",\"request\":\"LOGISTICS\",\"reason\":\"ADDRESS_CHANGE\",\"address\":\"" + "路".repeat(301) + "\"}");
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.json().path("field").asText()).isEqualTo("address");
      assertThat(count("SELECT COUNT(*) FROM cases WHERE order_no = ?", orderNo)).isZero();
    }

    @Test
    void aCaseIsNotCorrectedIntoAnAddressChangeWithoutAnAddress() {
      String orderNo = order("SHIPPED", "ZTO", "50.00");
      Response opened = post("/api/cases", "{\"orderNo\":\"" + orderNo + "\",\"request\":\"LOGISTICS\",\"reason\":\"STALLED\"}");
      assertThat(opened.status()).as(opened.body()).isEqualTo(201);
      String caseNo = opened.json().path("caseNo").asText();
      Response r = send("PATCH", "/api/cases/" + caseNo, "{\"reason\":\"ADDRESS_CHANGE\"}", "agent1", USER_PASSWORD);
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.json().path("field").asText()).isEqualTo("reason");
      assertThat(caseView(caseNo).path("reason").asText()).isEqualTo("STALLED");
    }

    @Test
    void aRedirectedCaseIsNotCorrectedIntoAnotherProcess() {
      String orderNo = order("SHIPPED", "ZTO", "128.00");
      String caseNo = open(orderNo, "ADDRESS_CHANGE", NEW_ADDRESS);
      Response r = send("PATCH", "/api/cases/" + caseNo, "{\"reason\":\"STALLED\"}", "agent1", USER_PASSWORD);
      assertThat(r.status()).as(r.body()).isEqualTo(409);
      assertThat(r.body()).contains("redirect");
      assertThat(caseView(caseNo).path("process").asText()).isEqualTo("parcel-redirect");
    }

    @Test
    void onlyAgentsDecideAndOnlyWithTheFormsChoices() {
      String caseNo = open(signedOrder(), "ADDRESS_CHANGE", NEW_ADDRESS);
      String taskId = task(caseNo, "decide").getId();
      String close = "{\"variables\":{\"redirectDecision\":{\"value\":\"CLOSE\"}}}";
      for (String user : new String[] {"wh1", "analyst1", "platform1"}) {
        Response r = send("POST", "/engine-rest/task/" + taskId + "/submit-form", close, user, USER_PASSWORD);
        assertThat(r.status()).as(user + " → " + r.body()).isIn(403, 404);
      }
      Response bad = send("POST", "/engine-rest/task/" + taskId + "/submit-form",
          "{\"variables\":{\"redirectDecision\":{\"value\":\"REFUND\"}}}", "agent1", USER_PASSWORD);
      assertThat(bad.status()).as(bad.body()).isEqualTo(400);
      assertThat(bad.body()).contains("redirectDecision");
      assertThat(task(caseNo, "decide").getId()).as("still waiting").isEqualTo(taskId);
      assertThat(caseView(caseNo).path("status").asText()).isEqualTo("OPEN");
      Response ok = send("POST", "/engine-rest/task/" + taskId + "/submit-form", close, "agent1", USER_PASSWORD);
      assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    }
  }

  @Nested
  class NoService {
    @Test
    void aCheapOrderIsRecalledAndResentByEms() {
      String orderNo = order("SHIPPED", "ZTO", "50.00");
      String caseNo = open(orderNo, "NO_SERVICE", null);

      assertThat(courier.interceptionRequested("ZTO", "ZTO-" + orderNo)).as("recalled").isTrue();
      String resent = reshipTrackingNo(caseNo);
      assertThat(historicVariable(caseNo, "parcel-redirect", "reshipCarrier")).isEqualTo("EMS");
      assertThat(buyerMessages(caseNo)).contains("邮政 EMS " + resent).contains("延长了收货时间");
      assertThat(orderView(orderNo).path("receiptExtension").path("days").asInt()).isEqualTo(10);
      JsonNode remark = null;
      for (JsonNode r : caseView(caseNo).path("remarks")) {
        if (r.path("text").asText().contains(resent)) remark = r;
      }
      assertThat(remark).as("the new number on the order's remarks").isNotNull();
      assertThat(remark.path("flag").asText()).isEqualTo("BLUE");
      assertThat(remark.path("text").asText()).contains("快递不到").contains("已延长收货");

      push(caseNo, "EMS", resent, "PICKED_UP");
      closed(caseNo, "RESHIPPED");
    }

    @Test
    void aDearOrderIsHandedToThePostalServiceAndFollowedToDelivery() {
      String orderNo = order("SHIPPED", "ZTO", "300.00");
      String caseNo = open(orderNo, "NO_SERVICE", null);

      assertThat(courier.redirectedTo(caseNo, CourierGateway.RedirectKind.TO_POSTAL)).as("asked").isPresent();
      assertThat(courier.interceptionRequested("ZTO", "ZTO-" + orderNo)).as("not recalled").isFalse();
      assertThat(buyerMessages(caseNo)).contains("转交邮政派送").contains("延长了收货时间");
      assertThat(orderView(orderNo).path("receiptExtension").path("days").asInt()).isEqualTo(10);
      assertThat(caseView(caseNo).path("remarks").findValuesAsText("text")).anyMatch(t -> t.contains("转邮政派送"));

      push(caseNo, "ZTO", "ZTO-" + orderNo, "DELIVERED");
      closed(caseNo, "TRANSFERRED");
    }

    @Test
    void aCourierThatCannotTransferHasTheParcelRecalledInstead() {
      String orderNo = order("SHIPPED", "YTO", "300.00");
      String caseNo = open(orderNo, "NO_SERVICE", null);
      assertThat(courier.interceptionRequested("YTO", "YTO-" + orderNo)).isTrue();
      assertThat(historicVariable(caseNo, "parcel-redirect", "reshipCarrier")).isEqualTo("EMS");
    }
  }

  /** bpmn/postal-transfer.dmn, row by row, at the edges. */
  @ParameterizedTest(name = "value {0}, transfer {1} → {2}")
  @CsvSource({
      "10.00, 30.00, RECALL_AND_RESEND",
      "60.00, 30.00, RECALL_AND_RESEND",
      "60.01, 30.00, TRANSFER_TO_POSTAL",
      "1000.00, 30.00, TRANSFER_TO_POSTAL",
      "100.00, 50.00, RECALL_AND_RESEND",
      "100.00, 49.99, TRANSFER_TO_POSTAL"})
  void theTableWeighsTheOrderAgainstTheTransfer(double value, double cost, String plan) {
    Object result = engine.getDecisionService().evaluateDecisionByKey("postal-transfer")
        .variables(Map.of("orderValue", value, "transferCost", cost)).evaluate().getSingleResult()
        .getEntry("postalPlan");
    assertThat(result).isEqualTo(plan);
  }
}
