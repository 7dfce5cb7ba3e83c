package com.shopdesk.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/cases/{caseNo}/return-shipment: taken only while the case awaits the buyer's return. */
class ReturnShipmentApiTest extends AfterSalesTest {

  private String openCase(String orderNo, String request, String reason) {
    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"%s","reason":"%s","evidence":["https://img.example/a.jpg"]}"""
        .formatted(orderNo, request, reason));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String caseNo = r.json().path("caseNo").asText();
    runDueJobsOfCase(caseNo);
    return caseNo;
  }

  private Response shipBack(String caseNo, String trackingNo) {
    return post("/api/cases/" + caseNo + "/return-shipment", """
        {"carrier":"YTO","trackingNo":"%s","shippingFee":10.00}""".formatted(trackingNo));
  }

  /** Refused with 409 on caseNo, and nothing of the parcel was kept. */
  private void refusedAsNotAuthorized(String caseNo, String trackingNo) {
    Response r = shipBack(caseNo, trackingNo);

    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().path("field").asText()).isEqualTo("caseNo");
    assertThat(r.json().path("message").asText()).isEqualTo("no return has been authorized for case " + caseNo
        + ": a return parcel is taken only while the case awaits the buyer's return");
    JsonNode view = caseView(caseNo);
    assertThat(view.path("status").asText()).isEqualTo("OPEN");
    assertThat(view.path("parcels").findValuesAsText("kind")).doesNotContain("RETURN");
    assertThat(view.path("timeline").toString()).doesNotContain(trackingNo);
    assertThat(count("SELECT COUNT(*) FROM shipments WHERE tracking_no = ?", trackingNo)).isZero();
  }

  @Test
  void aCaseStillAtEvidenceReviewHasNoReturnYet() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "128.00", 1);
    String caseNo = openCase(orderNo, "RETURN_REFUND", "QUALITY");
    task(caseNo, "reviewEvidence");

    refusedAsNotAuthorized(caseNo, "YT-" + orderNo);
  }

  @Test
  void aRefundOnlyInterceptionHasNoReturn() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "128.00", 1);
    String caseNo = openCase(orderNo, "REFUND_ONLY", "NO_REASON");
    assertThat(caseView(caseNo).path("process").asText()).isEqualTo("interception");

    refusedAsNotAuthorized(caseNo, "YT-" + orderNo);
  }

  @Test
  void aReshipHasNoReturn() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "128.00", 2);
    String caseNo = openCase(orderNo, "RESHIP", "MISSING_ITEM");
    assertThat(caseView(caseNo).path("process").asText()).isEqualTo("reship");

    refusedAsNotAuthorized(caseNo, "YT-" + orderNo);
  }

  @Test
  void aCaseStillTryingToRetainTheBuyerTakesTheParcelOnlyOnceTheReturnIsAuthorized() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "128.00", 1);
    String caseNo = openCase(orderNo, "RETURN_REFUND", "PERSONAL");
    task(caseNo, "retain");

    refusedAsNotAuthorized(caseNo, "YT-" + orderNo);

    completeTask(caseNo, "retain", Map.of("retained", false));
    Response accepted = shipBack(caseNo, "YT-" + orderNo);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.json().path("deliveredTo").asInt()).isEqualTo(1);
  }

  @Test
  void anAuthorizedReturnTakesTheParcelOnce() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "128.00", 1);
    String caseNo = openCase(orderNo, "RETURN_REFUND", "PERSONAL");
    completeTask(caseNo, "retain", Map.of("retained", false));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("return-receipt")
        .processInstanceBusinessKey(caseNo).count()).isEqualTo(1);

    Response accepted = shipBack(caseNo, "YT-" + orderNo);
    Response twice = shipBack(caseNo, "YT2-" + orderNo);

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.json().path("deliveredTo").asInt()).isEqualTo(1);
    assertThat(twice.status()).as(twice.body()).isEqualTo(409);
    assertThat(twice.json().path("field").asText()).isEqualTo("trackingNo");
    assertThat(twice.json().path("message").asText()).contains("YT-" + orderNo);
  }

  @Test
  void anUnknownCaseIsNotFound() {
    Response r = shipBack("AS19990101-000002", "YT-X");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("field").asText()).isEqualTo("caseNo");
  }
}
