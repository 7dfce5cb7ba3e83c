package com.shopdesk.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * An agent corrects a reason or request type the buyer chose wrong: the case keeps its number, its old process
 * ends and the corrected request starts over in the process it belongs to; the ledger keeps the earlier version
 * and the timeline says who changed what. Refused, with nothing changed, where starting over would repeat or
 * strand what the old process did outside the desk.
 */
class CorrectionTest extends AfterSalesTest {

  private Response correct(String caseNo, String body, String user) {
    return send("PATCH", "/api/cases/" + caseNo, body, user, USER_PASSWORD);
  }

  private String processOf(String caseNo) {
    return jdbc.queryForObject("SELECT process_instance_id FROM cases WHERE case_no = ?", String.class, caseNo);
  }

  private String waitingAt(String caseNo) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).singleResult()
        .getTaskDefinitionKey();
  }

  @Test
  void aReasonChosenWrongStartsTheCaseOverWhereTheRightReasonGoes() {
    String caseNo = returnCaseAt("retain");
    String before = processOf(caseNo);

    Response r = correct(caseNo, "{\"reason\":\"QUALITY\",\"note\":\"买家电话说明是茶盏有裂纹\"}", "agent1");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("process").asText()).isEqualTo("return-refund");
    runDueJobsOfCase(caseNo);

    String after = processOf(caseNo);
    assertThat(after).isNotEqualTo(before);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(before).count())
        .as("the old process ended").isZero();
    HistoricProcessInstance old = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(before).singleResult();
    assertThat(old.getDeleteReason()).contains("更正").contains("agent1");
    assertThat(waitingAt(caseNo)).as("quality claims start with the evidence").isEqualTo("reviewEvidence");
    assertThat(engine.getRuntimeService().getVariable(after, "reason")).isEqualTo("QUALITY");
    assertThat(engine.getRuntimeService().getVariable(after, "caseNo")).isEqualTo(caseNo);

    JsonNode view = caseView(caseNo);
    assertThat(view.path("reason").asText()).isEqualTo("QUALITY");
    assertThat(view.path("status").asText()).isEqualTo("OPEN");
    assertThat(view.path("revisions")).hasSize(1);
    JsonNode first = view.path("revisions").get(0);
    assertThat(first.path("reason").asText()).isEqualTo("PERSONAL");
    assertThat(first.path("request").asText()).isEqualTo("RETURN_REFUND");
    assertThat(first.path("processInstanceId").asText()).isEqualTo(before);
    assertThat(first.path("changedBy").asText()).isEqualTo("agent1");
    assertThat(first.path("note").asText()).isEqualTo("买家电话说明是茶盏有裂纹");
    assertThat(view.path("timeline").toString()).contains("原因 个人原因 → 质量问题").contains("agent1");

    assertThat(correct(caseNo, "{\"request\":\"EXCHANGE\"}", "manager1").status()).isEqualTo(200);
    JsonNode twice = caseView(caseNo);
    assertThat(twice.path("process").asText()).isEqualTo("exchange");
    assertThat(twice.path("revisions")).hasSize(2);
    assertThat(twice.path("revisions").get(1).path("reason").asText()).isEqualTo("QUALITY");
    assertThat(twice.path("revisions").get(1).path("changedBy").asText()).isEqualTo("manager1");
  }

  @Test
  void afterTheBuyerSentTheGoodsBackTheNewRunFindsTheParcelAndTheSellerPaysTheShipping() {
    String caseNo = returnCaseAt("awaitingReturn");
    assertThat(buyerMessages(caseNo)).contains("运费需要您承担");
    assertThat(post("/api/cases/" + caseNo + "/return-shipment",
        "{\"carrier\":\"YTO\",\"trackingNo\":\"YT-C" + caseNo + "\",\"shippingFee\":10.00}").status()).isEqualTo(202);
    runDueJobsOfCase(caseNo);

    assertThat(correct(caseNo, "{\"reason\":\"NOT_AS_DESCRIBED\"}", "agent1").status()).isEqualTo(200);
    runDueJobsOfCase(caseNo);
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
    completeTask(caseNo, "negotiateCompensation", Map.of("buyerAcceptsCompensation", false,
        "declinedChoice", "RETURN"));
    assertThat(buyerMessages(caseNo)).contains("运费由我们承担");

    Response delivered = post("/api/courier-events", "{\"carrier\":\"YTO\",\"trackingNo\":\"YT-C" + caseNo
        + "\",\"event\":\"DELIVERED\",\"at\":\"" + OffsetDateTime.now() + "\"}");
    assertThat(delivered.json().path("deliveredTo").asInt()).as("the new run waits for the parcel already sent")
        .isEqualTo(1);
    runDueJobsOfCase(caseNo);
    assertThat(waitingAt(caseNo)).isEqualTo("inspection");
  }

  @Test
  void anotherProcessIsRefusedOnceTheOldOneAskedTheCourierToIntercept() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "99.00", 1);
    String caseNo = openCaseThroughApi(
        "{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\",\"reason\":\"PERSONAL\"}");
    runDueJobsOfCase(caseNo);
    String before = processOf(caseNo);

    Response r = correct(caseNo, "{\"request\":\"RESHIP\",\"reason\":\"LOST\"}", "agent1");
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().path("message").asText()).contains("intercept").contains("withdraw it");
    assertThat(processOf(caseNo)).isEqualTo(before);
    assertThat(caseView(caseNo).path("revisions")).isEmpty();
    assertThat(caseView(caseNo).path("reason").asText()).isEqualTo("PERSONAL");

    Response sameProcess = correct(caseNo, "{\"reason\":\"QUALITY\"}", "agent1");
    assertThat(sameProcess.status()).as("within interception the new run asks again, which is harmless")
        .isEqualTo(200);
    runDueJobsOfCase(caseNo);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .activityIdIn("waitOutcome").count()).isOne();
  }

  @Test
  void badCorrectionsAreRefusedAndChangeNothing() {
    String caseNo = returnCaseAt("retain");
    String before = processOf(caseNo);
    String[][] bad = {
        {"{}", "400", "reason"},
        {"{\"reason\":\"PERSONAL\"}", "400", "already"},
        {"{\"reason\":\"BORED\"}", "400", "reason"},
        {"{\"request\":\"REFUND\"}", "400", "request"},
        {"{\"reason\":\"QUALITY\",\"why\":\"x\"}", "400", "why"},
        {"{\"reason\":\"QUALITY\",\"note\":\"" + "长".repeat(501) + "\"}", "400", "note"},
    };
    for (String[] b : bad) {
      Response r = correct(caseNo, b[0], "agent1");
      assertThat(r.status()).as(b[0] + " → " + r.body()).isEqualTo(Integer.parseInt(b[1]));
      assertThat(r.body()).as(b[0]).contains(b[2]);
    }
    for (String user : new String[] {"wh1", "analyst1", "platform1"}) {
      assertThat(correct(caseNo, "{\"reason\":\"QUALITY\"}", user).status()).as(user).isEqualTo(403);
    }
    assertThat(correct("AS20000101-000001", "{\"reason\":\"QUALITY\"}", "agent1").status()).isEqualTo(404);
    assertThat(processOf(caseNo)).isEqualTo(before);
    assertThat(waitingAt(caseNo)).isEqualTo("retain");
    assertThat(caseView(caseNo).path("revisions")).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM case_timeline WHERE case_no = ? AND kind = 'CORRECTED'", caseNo)).isZero();
  }

  @Test
  void aRequestNoProcessHandlesIsUnprocessableAndAClosedCaseIsAConflict() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "300.00", 1);
    String caseNo = openCaseThroughApi(
        "{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\",\"reason\":\"PERSONAL\"}");
    runDueJobsOfCase(caseNo);
    Response unroutable = correct(caseNo, "{\"request\":\"RETURN_REFUND\"}", "agent1");
    assertThat(unroutable.status()).as(unroutable.body()).isEqualTo(422);
    assertThat(caseView(caseNo).path("request").asText()).isEqualTo("REFUND_ONLY");

    assertThat(send("POST", "/api/cases/" + caseNo + "/withdraw", "{\"reason\":\"不要了\"}", "agent1",
        USER_PASSWORD).status()).isEqualTo(200);
    Response closed = correct(caseNo, "{\"reason\":\"QUALITY\"}", "agent1");
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.json().path("message").asText()).contains("closed already (WITHDRAWN)");
  }
}
