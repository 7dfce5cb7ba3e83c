package com.shopdesk.aftersales.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Complaints and platform interventions (bpmn/complaint.bpmn) through the real HTTP API: a case of their own linked
 * to the case they are about, the platform's deadline on the evidence task, the managers before it, the judgement,
 * the platform's refund recorded as paid by the platform (and never paid again), the appeal.
 */
class ComplaintProcessTest extends AfterSalesTest {

  /** A delivered order with an open personal-reason return (waiting at 挽留客户), and the return's case number. */
  private String originalCase() {
    return returnCaseAt("retain");
  }

  private String orderOf(String caseNo) {
    return caseView(caseNo).path("orderNo").asText();
  }

  private String openComplaint(String linkedCase, String request, String reason, String extra) {
    return openCaseThroughApi("""
        {"orderNo":"%s","request":"%s","reason":"%s","linkedCase":"%s","note":"买家称客服答应的赠品没有寄"%s}"""
        .formatted(orderOf(linkedCase), request, reason, linkedCase, extra));
  }

  private String complaintAtJudgement() {
    String complaint = openComplaint(originalCase(), "COMPLAINT", "PROMISE_BROKEN", "");
    runDueJobsOfCase(complaint);
    completeTask(complaint, "submitEvidence", Map.of("chatRecord", "https://img.example/chat-1.png",
        "signedProof", "ZTO 签收底单 QS-001", "statement", "已按聊天记录约定寄出赠品，物流显示本人签收。"));
    assertThat(task(complaint, "enterJudgement")).isNotNull();
    return complaint;
  }

  private int sandboxPayments(String orderNo) {
    Response r = send("GET", "/sandbox/payments?orderNo=" + orderNo, null, "platform1", USER_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().size();
  }

  @Test
  void aComplaintOpensItsOwnCaseLinkedToTheOriginalAndLeavesTheOriginalAsItWas() {
    String original = originalCase();
    String complaint = openComplaint(original, "COMPLAINT", "RUDE_AGENT", "");
    runDueJobsOfCase(complaint);

    JsonNode view = caseView(complaint);
    assertThat(view.path("process").asText()).isEqualTo("complaint");
    assertThat(view.path("status").asText()).isEqualTo("OPEN");
    assertThat(jdbc.queryForObject("SELECT linked_from FROM cases WHERE case_no = ?", String.class, complaint))
        .isEqualTo(original);
    assertThat(jdbc.queryForObject("SELECT amount FROM cases WHERE case_no = ?", java.math.BigDecimal.class, complaint))
        .isEqualByComparingTo("128.00");
    // the original keeps its items and goes on: its task is still there
    assertThat(task(original, "retain")).isNotNull();
    assertThat(count("SELECT COUNT(*) FROM open_case_items WHERE case_no = ?", complaint)).isZero();
    Task evidence = task(complaint, "submitEvidence");
    assertThat(engine.getTaskService().getIdentityLinksForTask(evidence.getId()))
        .anyMatch(l -> "agents".equals(l.getGroupId()));
    assertThat(view.path("remarks").toString()).contains("关联售后单 " + original).contains("平台时限");
    assertThat(buyerMessages(complaint)).contains("已经收到");
    assertThat(caseView(original).path("timeline").toString()).contains("见售后单 " + complaint);
  }

  @Test
  void theEvidenceIsDueAtThePlatformDeadlineInWorkingDaysAndManagersGetItBeforeWhenUntouched() {
    String original = originalCase();
    // Wednesday 30 September 2026, 10:00: 1–7 October are National Day, 10 October (a Saturday) a make-up working day
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-09-30T10:00:00+08:00").toInstant()));
    String complaint = openComplaint(original, "PLATFORM_INTERVENTION", "PERSONAL", "");
    runDueJobsOfCase(complaint);
    Task evidence = task(complaint, "submitEvidence");
    assertThat(evidence.getDueDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-10-10T10:00:00+08:00").toInstant());

    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-10-09T21:00:00+08:00").toInstant()));
    runDueJobsOfCase(complaint);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(complaint)
        .taskDefinitionKey("submitEvidenceEscalated").count()).isZero();

    // 12 hours before the deadline (aftersales.deadlines.complaint-escalation-lead) the managers get it as well
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-10-09T22:01:00+08:00").toInstant()));
    runDueJobsOfCase(complaint);
    Task escalated = task(complaint, "submitEvidenceEscalated");
    assertThat(engine.getTaskService().getIdentityLinksForTask(escalated.getId()))
        .anyMatch(l -> "managers".equals(l.getGroupId()));
    assertThat(escalated.getDueDate()).isEqualTo(evidence.getDueDate());
    assertThat(task(complaint, "submitEvidence")).as("the agent keeps the task").isNotNull();

    // an agent cannot work the managers' task; the manager can, and that ends the agent's too
    Response byAgent = send("POST", "/engine-rest/task/" + escalated.getId() + "/complete",
        "{\"variables\":{\"statement\":{\"value\":\"客服代交\"}}}", "agent1", USER_PASSWORD);
    assertThat(byAgent.status()).as(byAgent.body()).isEqualTo(403);
    assertThat(task(complaint, "submitEvidenceEscalated")).isNotNull();
    assertThat(send("POST", "/engine-rest/task/" + escalated.getId() + "/claim", "{\"userId\":\"manager1\"}",
        "manager1", USER_PASSWORD).status()).isEqualTo(204);
    Response byManager = send("POST", "/engine-rest/task/" + escalated.getId() + "/complete",
        "{\"variables\":{\"unboxingVideo\":{\"value\":\"VID-20261009\"},\"statement\":{\"value\":\"开箱视频见附件\"}}}",
        "manager1", USER_PASSWORD);
    assertThat(byManager.status()).as(byManager.body()).isEqualTo(204);
    runDueJobsOfCase(complaint);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(complaint)
        .taskDefinitionKey("submitEvidence").count()).as("submitted once, by the manager").isZero();
    assertThat(task(complaint, "enterJudgement")).isNotNull();
  }

  @Test
  void aDeadlineThePlatformNamesIsTheDueDate() {
    String original = originalCase();
    OffsetDateTime stated = OffsetDateTime.now().plusHours(30).withNano(0);
    String complaint = openComplaint(original, "COMPLAINT", "SERVICE_POOR",
        ",\"platformDeadline\":\"" + stated + "\"");
    runDueJobsOfCase(complaint);
    assertThat(task(complaint, "submitEvidence").getDueDate().toInstant()).isEqualTo(stated.toInstant());
    assertThat(historicVariable(complaint, "complaint", "platformDeadlineSource")).isEqualTo("平台给出");
  }

  @Test
  void evidenceThenAJudgementForTheShopClosesTheCase() {
    String complaint = complaintAtJudgement();
    completeTask(complaint, "enterJudgement", Map.of("judgement", "FOR_SHOP",
        "judgementNote", "聊天记录证明赠品已随单寄出，判定支持商家（判定单 PD-001）"));

    JsonNode view = caseView(complaint);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("resolution").asText()).isEqualTo("SHOP_WON");
    assertThat(view.path("remarks").toString()).contains("已向平台提交投诉举证").contains("平台判定支持商家")
        .contains("PD-001");
    assertThat(view.path("refunds")).isEmpty();
  }

  @Test
  void aJudgementForTheBuyerIsPaidByThePlatformAndTheOriginalCaseDoesNotPayItAgain() {
    // an unshipped order of 300: the refund is above the automatic limit, so an agent has to agree it
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "300.00", 1);
    String original = openCaseThroughApi("{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\","
        + "\"reason\":\"PERSONAL\"}");
    runDueJobsOfCase(original);
    assertThat(task(original, "agreeRefund")).isNotNull();

    // the buyer asks the platform to step in; the platform decides for the buyer and refunds 300 itself
    String complaint = openComplaint(original, "PLATFORM_INTERVENTION", "PERSONAL", "");
    runDueJobsOfCase(complaint);
    completeTask(complaint, "submitEvidence", Map.of("statement", "订单未发货，已在处理退款。"));
    completeTask(complaint, "enterJudgement", Map.of("judgement", "FOR_BUYER", "platformRefundAmount", 300.0,
        "appeal", false, "judgementNote", "商家超时未处理，平台支持买家退款"));

    JsonNode view = caseView(complaint);
    assertThat(view.path("resolution").asText()).isEqualTo("BUYER_WON");
    assertThat(view.path("refunds")).hasSize(1);
    assertThat(view.path("refunds").get(0).path("amount").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(jdbc.queryForObject("SELECT paid_by FROM refunds WHERE case_no = ?", String.class, complaint))
        .isEqualTo("PLATFORM");
    assertThat(view.path("remarks").toString()).contains("店铺勿重复退款");
    assertThat(sandboxPayments(orderNo)).as("the shop paid nothing").isZero();

    // the agent then agrees the original refund: it is taken as paid by the platform, nothing moves
    completeTask(original, "agreeRefund", Map.of("refundAgreed", true));
    JsonNode after = caseView(original);
    assertThat(after.path("status").asText()).isEqualTo("CLOSED");
    assertThat(after.path("timeline").toString()).contains("本单不再重复退款");
    assertThat(sandboxPayments(orderNo)).as("not paid twice").isZero();
    assertThat(count("SELECT COUNT(*) FROM refunds WHERE order_no = ?", orderNo)).isEqualTo(1);
    // and the order has nothing left to refund: a new case on it is refused
    Response again = post("/api/cases", "{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\","
        + "\"reason\":\"PERSONAL\"}");
    assertThat(again.status()).as(again.body()).isEqualTo(409);
  }

  @Test
  void anAppealWonIsRecorded() {
    String complaint = complaintAtJudgement();
    completeTask(complaint, "enterJudgement", Map.of("judgement", "FOR_BUYER", "platformRefundAmount", 0.0,
        "appeal", true, "judgementNote", "平台认为赠品承诺未兑现"));
    assertThat(caseView(complaint).path("status").asText()).isEqualTo("OPEN");
    completeTask(complaint, "enterAppealResult", Map.of("appealResult", "WON",
        "appealNote", "补充物流签收凭证后改判支持商家"));
    JsonNode view = caseView(complaint);
    assertThat(view.path("resolution").asText()).isEqualTo("APPEAL_WON");
    assertThat(view.path("remarks").toString()).contains("申诉成功").contains("改判支持商家");
    assertThat(view.path("refunds")).isEmpty();
  }

  @Test
  void anAppealLostIsRecorded() {
    String complaint = complaintAtJudgement();
    completeTask(complaint, "enterJudgement", Map.of("judgement", "FOR_BUYER", "platformRefundAmount", 20.0,
        "appeal", true, "judgementNote", "平台判赔赠品价值 20 元"));
    completeTask(complaint, "enterAppealResult", Map.of("appealResult", "LOST",
        "appealNote", "举证超过平台时限，维持原判"));
    JsonNode view = caseView(complaint);
    assertThat(view.path("resolution").asText()).isEqualTo("APPEAL_LOST");
    assertThat(view.path("remarks").toString()).contains("申诉失败").contains("维持原判");
    assertThat(view.path("refunds")).hasSize(1);
    assertThat(sandboxPayments(orderOf(complaint))).isZero();
  }

  @Test
  void theBuyerWithdrawsTheComplaint() {
    String original = originalCase();
    String complaint = openComplaint(original, "COMPLAINT", "SERVICE_POOR", "");
    runDueJobsOfCase(complaint);
    Response withdrawn = post("/api/cases/" + complaint + "/withdraw", "{\"reason\":\"买家已与客服和解\"}");
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    runDueJobsOfCase(complaint);
    JsonNode view = caseView(complaint);
    assertThat(view.path("resolution").asText()).isEqualTo("WITHDRAWN");
    assertThat(view.path("remarks").toString()).contains("买家撤销投诉").contains("和解");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(complaint).count()).isZero();
    assertThat(task(original, "retain")).as("the linked case goes on").isNotNull();
  }

  @Test
  void badLinksAreRefusedNamingTheFieldAndOpenNothing() {
    String original = originalCase();
    String orderNo = orderOf(original);
    String otherOrder = newOrderNo();
    importDeliveredOrder(otherOrder, "BY-1", "白玉茶盏", "teaware", "128.00", 1);
    String otherCase = openCaseThroughApi("{\"orderNo\":\"" + otherOrder + "\",\"request\":\"RETURN_REFUND\","
        + "\"reason\":\"PERSONAL\"}");
    int before = count("SELECT COUNT(*) FROM cases");

    assertRefused(post("/api/cases", "{\"orderNo\":\"" + orderNo + "\",\"request\":\"COMPLAINT\","
        + "\"reason\":\"RUDE_AGENT\"}"), 400, "linkedCase");
    assertRefused(post("/api/cases", "{\"orderNo\":\"" + orderNo + "\",\"request\":\"COMPLAINT\","
        + "\"reason\":\"RUDE_AGENT\",\"linkedCase\":\"AS20000101-999999\"}"), 404, "linkedCase");
    assertRefused(post("/api/cases", "{\"orderNo\":\"" + orderNo + "\",\"request\":\"COMPLAINT\","
        + "\"reason\":\"RUDE_AGENT\",\"linkedCase\":\"" + otherCase + "\"}"), 422, "linkedCase");
    assertRefused(post("/api/cases", "{\"orderNo\":\"" + orderNo + "\",\"request\":\"COMPLAINT\","
        + "\"reason\":\"RUDE_AGENT\",\"linkedCase\":\"" + original + "\",\"platformDeadline\":\""
        + OffsetDateTime.now().minusHours(1).withNano(0) + "\"}"), 400, "platformDeadline");
    assertRefused(post("/api/cases", "{\"orderNo\":\"" + orderNo + "\",\"request\":\"COMPLAINT\","
        + "\"reason\":\"RUDE_AGENT\",\"linkedCase\":\"" + original + "\",\"amount\":10.00}"), 400, "amount");
    assertRefused(post("/api/cases", "{\"orderNo\":\"" + otherOrder + "\",\"request\":\"REFUND_ONLY\","
        + "\"reason\":\"PERSONAL\",\"linkedCase\":\"" + otherCase + "\"}"), 400, "linkedCase");
    assertThat(count("SELECT COUNT(*) FROM cases")).isEqualTo(before);
    // a complaint cannot be corrected into another request (or the other way round)
    assertRefused(send("PATCH", "/api/cases/" + original, "{\"request\":\"COMPLAINT\"}", "agent1", USER_PASSWORD),
        422, "request");
  }

  @Test
  void onlyAgentsAndManagersRecordTheJudgement() {
    String complaint = complaintAtJudgement();
    String taskId = task(complaint, "enterJudgement").getId();
    String judgement = "{\"variables\":{\"judgement\":{\"value\":\"FOR_SHOP\"},\"judgementNote\":{\"value\":\"x\"}}}";
    for (String user : new String[] {"wh1", "platform1", "analyst1"}) {
      Response r = send("POST", "/engine-rest/task/" + taskId + "/complete", judgement, user, USER_PASSWORD);
      assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(403);
    }
    assertThat(task(complaint, "enterJudgement").getId()).isEqualTo(taskId);
    assertThat(caseView(complaint).path("status").asText()).isEqualTo("OPEN");
    assertThat(caseView(complaint).path("resolution").isNull()
        || caseView(complaint).path("resolution").isMissingNode()).isTrue();
  }

  private static void assertRefused(Response r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo(field);
  }
}
