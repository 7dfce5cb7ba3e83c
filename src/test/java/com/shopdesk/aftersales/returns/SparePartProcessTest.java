package com.shopdesk.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.sandbox.SandboxPayments;
import com.shopdesk.aftersales.sandbox.SandboxWarehouse;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The spare-part path of bpmn/return-refund.bpmn (a quality fault the shop fixes by sending a part) and the rows of
 * bpmn/spare-part.dmn.
 */
class SparePartProcessTest extends AfterSalesTest {
  @Autowired SandboxWarehouse warehouse;
  @Autowired SandboxPayments payments;

  /** A tea bar machine (茶吧机, CBJ-01, 399.00) and a box of cups, delivered 3 days ago. */
  private String teaBarOrder() {
    String orderNo = newOrderNo();
    Response r = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_c","name":"陈先生"},
         "items":[{"sku":"CBJ-01","name":"智能茶吧机","category":"appliance","quantity":1,"unitPrice":399.00},
                  {"sku":"BY-1","name":"白玉茶盏","category":"teaware","quantity":1,"unitPrice":30.00}],
         "paidAmount":429.00,"status":"DELIVERED","shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"},
         "deliveredAt":"%s"}""".formatted(orderNo, orderNo, OffsetDateTime.now().minusDays(3)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return orderNo;
  }

  private String qualityClaim(String orderNo, String video) {
    return openCaseThroughApi("""
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY","items":[{"sku":"CBJ-01","quantity":1}],
         "evidence":["%s"]}""".formatted(orderNo, video));
  }

  @Test
  void aLeakTheSupplierConfirmsGetsThePartShippedAndTheBuyerItsTrackingNumber() {
    String orderNo = teaBarOrder();
    String caseNo = qualityClaim(orderNo, "https://img.example/leak.mp4");
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true, "faultKind", "LEAK"));

    var confirm = task(caseNo, "supplierConfirm");
    assertThat(confirm.getName()).isEqualTo("厂家确认故障");
    assertThat(engine.getTaskService().getIdentityLinksForTask(confirm.getId()))
        .anyMatch(l -> "agents".equals(l.getGroupId()));
    assertThat(engine.getTaskService().getVariable(confirm.getId(), "partSku")).isEqualTo("CBJ-01-SEAL");
    assertThat(engine.getTaskService().getVariable(confirm.getId(), "evidenceText").toString()).contains("leak.mp4");
    completeTask(caseNo, "supplierConfirm", Map.of("supplierConfirmed", true,
        "supplierNote", "厂家售后看过视频，确认水箱密封圈漏水"));

    JsonNode view = closed(caseNo, "PART_SENT");
    assertThat(warehouse.extraShipments(caseNo)).containsExactly("SPARE_PART CBJ-01-SEAL:1");
    JsonNode parcel = null;
    for (JsonNode p : view.path("parcels")) {
      if (p.path("kind").asText().equals("SPARE_PART")) parcel = p;
    }
    assertThat(parcel).as(view.path("parcels").toString()).isNotNull();
    String trackingNo = parcel.path("trackingNo").asText();
    assertThat(buyerMessages(caseNo)).contains("茶吧机防漏密封圈组件").contains(trackingNo);
    assertThat(view.path("remarks").findValuesAsText("text"))
        .anyMatch(t -> t.contains("厂家确认故障（厂家售后看过视频，确认水箱密封圈漏水）") && t.contains(trackingNo));
    assertThat(view.path("refunds")).as("a part, no money").isEmpty();
    assertThat(payments.payments(orderNo)).isEmpty();
  }

  @Test
  void aVoiceFaultGetsTheVoiceBoard() {
    String caseNo = qualityClaim(teaBarOrder(), "https://img.example/voice.mp4");
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true, "faultKind", "VOICE"));
    completeTask(caseNo, "supplierConfirm", Map.of("supplierConfirmed", true, "supplierNote", "厂家确认语音板故障"));
    closed(caseNo, "PART_SENT");
    assertThat(warehouse.extraShipments(caseNo)).containsExactly("SPARE_PART CBJ-01-VOICE:1");
  }

  @Test
  void theSupplierFindsNoFaultSoTheUsualTiersFollow() {
    String caseNo = qualityClaim(teaBarOrder(), "https://img.example/leak.mp4");
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true, "faultKind", "LEAK"));
    completeTask(caseNo, "supplierConfirm", Map.of("supplierConfirmed", false,
        "supplierNote", "厂家看视频判断为进水管未插紧，属安装问题"));

    var negotiate = task(caseNo, "negotiateCompensation");
    assertThat(engine.getTaskService().getVariable(negotiate.getId(), "compensationAmount")).isEqualTo(20.0);
    assertThat(warehouse.extraShipments(caseNo)).as("no part went out").isEmpty();
  }

  @Test
  void notCoolingHasNoPartSoARetentionOfferComesFirstThenTheReturn() {
    String caseNo = qualityClaim(teaBarOrder(), "https://img.example/warm.mp4");
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true, "faultKind", "NOT_COOLING"));

    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo)
        .taskDefinitionKey("supplierConfirm").count()).isZero();
    var negotiate = task(caseNo, "negotiateCompensation");
    assertThat(engine.getTaskService().getVariable(negotiate.getId(), "compensationAmount"))
        .as("10-20 CNY to keep it").isEqualTo(20.0);
    completeTask(caseNo, "negotiateCompensation", Map.of("buyerAcceptsCompensation", false,
        "declinedChoice", "RETURN"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("return-receipt").count()).as("the return is under way").isEqualTo(1);
    assertThat(warehouse.extraShipments(caseNo)).isEmpty();
  }

  @Test
  void aProductWithoutSparePartsGoesTheUsualWay() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "300.00", 1);
    String caseNo = openCaseThroughApi("""
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY","evidence":["https://img.example/a.mp4"]}"""
        .formatted(orderNo));
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true, "faultKind", "LEAK"));
    assertThat(task(caseNo, "negotiateCompensation")).isNotNull();
  }

  @ParameterizedTest(name = "{0} confirmed={1} {2} {3} -> {4} {5}")
  @CsvSource(nullValues = "none", value = {
      "QUALITY,    true,  CBJ-01, LEAK,        SEND_PART, CBJ-01-SEAL",
      "QUALITY,    true,  CBJ-01, VOICE,       SEND_PART, CBJ-01-VOICE",
      "QUALITY,    true,  CBJ-01, NOT_COOLING, NONE,      none",
      "QUALITY,    true,  CBJ-01, OTHER,       NONE,      none",
      "QUALITY,    true,  CBJ-01, none,        NONE,      none",
      "QUALITY,    false, CBJ-01, LEAK,        NONE,      none",
      "QUALITY,    true,  LJ-250, LEAK,        NONE,      none",
      "DAMAGED,    true,  CBJ-01, LEAK,        NONE,      none",
      "WRONG_ITEM, true,  CBJ-01, VOICE,       NONE,      none",
  })
  void sparePartTable(String reason, boolean confirmed, String productSku, String faultKind, String action,
      String partSku) {
    DmnDecisionResultEntries result = engine.getDecisionService().evaluateDecisionByKey("spare-part")
        .variables(Variables.createVariables().putValue("reason", reason).putValue("claimConfirmed", confirmed)
            .putValue("productSku", productSku).putValue("faultKind", faultKind))
        .evaluate().getSingleResult();
    assertThat((String) result.get("sparePartAction")).isEqualTo(action);
    assertThat((String) result.get("partSku")).isEqualTo(partSku);
  }
}
