package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A completion writes only what its task's form asks, and only the person who claimed a task completes it.
 * Each attack is made through the engine REST API (or Tasklist's own API) as the desk user who tried it, and
 * each refusal leaves the case exactly as it was: variables, tasks, refunds, payments, remarks, ledger.
 */
class TaskCompletionAttackTest extends AfterSalesTest {

  /** A delivered order and a personal-reason return on it, waiting at 挽留客户. */
  private String personalReturn(String price) {
    String orderNo = newOrderNo();
    Response order = send("POST", "/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_zhao","name":"赵先生"},
         "items":[{"sku":"ZS-1","name":"紫砂壶","category":"teaware","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"status":"DELIVERED","deliveredAt":"%s","shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"}}"""
        .formatted(orderNo, price, price, OffsetDateTime.now().minusDays(1), orderNo), "platform1", USER_PASSWORD);
    assertThat(order.status()).as(order.body()).isEqualTo(201);
    return openCase(orderNo, "RETURN_REFUND", "PERSONAL");
  }

  private String openCase(String orderNo, String request, String reason) {
    Response opened = send("POST", "/api/cases", """
        {"orderNo":"%s","request":"%s","reason":"%s"}""".formatted(orderNo, request, reason), "agent1", USER_PASSWORD);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String caseNo = opened.json().path("caseNo").asText();
    runDueJobsOfCase(caseNo);
    return caseNo;
  }

  private Response as(String user, String method, String path, String body) {
    return send(method, "/engine-rest" + path, body, user, USER_PASSWORD);
  }

  private String claimed(String caseNo, String key, String user) {
    String taskId = task(caseNo, key).getId();
    Response claim = as(user, "POST", "/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
    assertThat(claim.status()).as(claim.body()).isEqualTo(204);
    return taskId;
  }

  private void assertRefused(Response r, int status, String names, String caseNo, CaseState before) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().path("message").asText()).contains(names);
    assertThat(CaseState.of(engine, jdbc, caseNo)).as("nothing changed").isEqualTo(before);
  }

  @Test
  void anAgentCannotSkipTheManagersApprovalWithAVariableTheFormDoesNotHave() {
    String caseNo = personalReturn("1500.00");
    String taskId = claimed(caseNo, "retain", "agent1");
    CaseState before = CaseState.of(engine, jdbc, caseNo);

    assertRefused(as("agent1", "POST", "/task/" + taskId + "/complete", """
        {"variables":{"retained":{"value":true},"retentionAmount":{"value":1500},"decidedByManager":{"value":true}}}"""),
        400, "decidedByManager", caseNo, before);

    // the same decision as the form asks it: a refund above the limit waits for 主管审批
    Response legit = as("agent1", "POST", "/task/" + taskId + "/complete", """
        {"variables":{"retained":{"value":true},"retentionAmount":{"value":1500}}}""");
    assertThat(legit.status()).as(legit.body()).isEqualTo(204);
    runDueJobsOfCase(caseNo);
    assertThat(task(caseNo, "managerApproval")).isNotNull();
    assertThat(caseView(caseNo).path("refunds")).isEmpty();
  }

  @Test
  void aRefundAmountOrAnotherCasesNumbersAreNotTheFormsToWrite() {
    String caseNo = personalReturn("300.00");
    String other = personalReturn("128.00");
    String otherOrder = caseView(other).path("orderNo").asText();
    String taskId = claimed(caseNo, "retain", "agent1");
    CaseState before = CaseState.of(engine, jdbc, caseNo);
    CaseState otherBefore = CaseState.of(engine, jdbc, other);

    assertRefused(as("agent1", "POST", "/task/" + taskId + "/complete", """
        {"variables":{"retained":{"value":true},"retentionAmount":{"value":20},"refundAmount":{"value":500}}}"""),
        400, "refundAmount", caseNo, before);
    assertRefused(as("agent1", "POST", "/task/" + taskId + "/complete", """
        {"variables":{"retained":{"value":false},"orderNo":{"value":"%s"},"caseNo":{"value":"%s"}}}"""
        .formatted(otherOrder, other)), 400, "orderNo", caseNo, before);
    assertRefused(as("agent1", "POST", "/task/" + taskId + "/submit-form", """
        {"variables":{"retained":{"value":false},"caseNo":{"value":"%s"}}}""".formatted(other)),
        400, "caseNo", caseNo, before);
    assertThat(CaseState.of(engine, jdbc, other)).isEqualTo(otherBefore);
  }

  @Test
  void theTaskAndProcessVariableEndpointsWriteNothing() {
    String caseNo = personalReturn("300.00");
    String taskId = claimed(caseNo, "retain", "agent1");
    String instance = task(caseNo, "retain").getProcessInstanceId();
    CaseState before = CaseState.of(engine, jdbc, caseNo);

    assertRefused(as("agent1", "PUT", "/task/" + taskId + "/variables/decidedByManager", "{\"value\":true}"),
        400, "decidedByManager", caseNo, before);
    assertRefused(as("agent1", "PUT", "/task/" + taskId + "/localVariables/refundAmount", "{\"value\":500}"),
        400, "refundAmount", caseNo, before);
    assertRefused(as("agent1", "POST", "/task/" + taskId + "/variables",
        "{\"modifications\":{\"refundAmount\":{\"value\":500}}}"), 400, "refundAmount", caseNo, before);
    assertRefused(as("agent1", "POST", "/task/" + taskId + "/localVariables",
        "{\"modifications\":{\"approved\":{\"value\":true}}}"), 400, "approved", caseNo, before);
    assertRefused(as("agent1", "DELETE", "/task/" + taskId + "/variables/refundAmount", null),
        400, "refundAmount", caseNo, before);
    // managers read a case's variables in Cockpit; they do not edit them
    assertRefused(as("manager1", "PUT", "/process-instance/" + instance + "/variables/refundAmount", "{\"value\":1}"),
        400, "refundAmount", caseNo, before);
    assertRefused(as("manager1", "POST", "/process-instance/" + instance + "/variables",
        "{\"modifications\":{\"amount\":{\"value\":1}}}"), 400, "amount", caseNo, before);
    assertRefused(as("manager1", "POST", "/process-instance/variables-async", """
        {"processInstanceIds":["%s"],"variables":{"refundAmount":{"value":1}}}""".formatted(instance)),
        400, "refundAmount", caseNo, before);
    assertThat(engine.getManagementService().createBatchQuery().count()).isZero();
  }

  @Test
  void valuesMustBeOfTheirKindAndWithinTheirBounds() {
    String caseNo = personalReturn("300.00");
    String taskId = claimed(caseNo, "retain", "agent1");
    CaseState before = CaseState.of(engine, jdbc, caseNo);
    String complete = "/task/" + taskId + "/complete";

    for (String variables : List.of(
        "\"retained\":{\"value\":\"true\"}",                                         // text is not true/false
        "\"retained\":{\"value\":1}",
        "\"retained\":{\"value\":true},\"retentionAmount\":{\"value\":\"20.00\"}",  // text is not a number
        "\"retained\":{\"value\":true},\"retentionAmount\":{\"value\":300.01}",      // above the case's amount
        "\"retained\":{\"value\":true},\"retentionAmount\":{\"value\":-5}",
        "\"retained\":{\"value\":true},\"retentionAmount\":{\"value\":10.005}",      // not money
        "\"retentionAmount\":{\"value\":20}")) {                                     // the choice is required
      Response r = as("agent1", "POST", complete, "{\"variables\":{" + variables + "}}");
      assertRefused(r, 400, variables.contains("retentionAmount") && variables.contains("retained\":{\"value\":true")
          ? "retentionAmount" : "retained", caseNo, before);
    }
  }

  @Test
  void aMoneyFieldNeverSaysMoreThanTheOrderHasLeftToRefund() {
    String caseNo = personalReturn("300.00");
    String orderNo = caseView(caseNo).path("orderNo").asText();
    // an earlier refund on the order left 50.00 of the 300.00 paid
    jdbc.update("""
        INSERT INTO refunds (case_no, order_no, amount, shipping_amount, status, idempotency_key, created_at)
        VALUES (?, ?, 250.00, 0.00, 'SUCCEEDED', ?, CURRENT_TIMESTAMP)""", caseNo, orderNo, caseNo + ":earlier");
    String taskId = claimed(caseNo, "retain", "agent1");
    CaseState before = CaseState.of(engine, jdbc, caseNo);

    Response r = as("agent1", "POST", "/task/" + taskId + "/complete", """
        {"variables":{"retained":{"value":true},"retentionAmount":{"value":60}}}""");
    assertRefused(r, 400, "retentionAmount", caseNo, before);
    assertThat(r.body()).contains("订单剩余可退金额 50.00");
  }

  @Test
  void aChoiceOutsideTheFormsOptionsOrOneTheFormHidesIsRefused() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "300.00", 1);
    String caseNo = openCase(orderNo, "RETURN_REFUND", "QUALITY");
    String review = claimed(caseNo, "reviewEvidence", "agent1");
    assertThat(as("agent1", "POST", "/task/" + review + "/complete",
        "{\"variables\":{\"claimConfirmed\":{\"value\":true}}}").status()).isEqualTo(204);
    runDueJobsOfCase(caseNo);
    String taskId = claimed(caseNo, "negotiateCompensation", "agent1");
    CaseState before = CaseState.of(engine, jdbc, caseNo);
    String complete = "/task/" + taskId + "/complete";

    assertRefused(as("agent1", "POST", complete, """
        {"variables":{"buyerAcceptsCompensation":{"value":false},"declinedChoice":{"value":"CASH"}}}"""),
        400, "declinedChoice", caseNo, before);
    // accepting the compensation hides the question of what the buyer wants instead
    assertRefused(as("agent1", "POST", complete, """
        {"variables":{"buyerAcceptsCompensation":{"value":true},"declinedChoice":{"value":"EXCHANGE"},
         "compensationAmount":{"value":20}}}"""), 400, "declinedChoice", caseNo, before);
    // and declining it hides the amount: a value left in it is not the agent's decision
    assertRefused(as("agent1", "POST", complete, """
        {"variables":{"buyerAcceptsCompensation":{"value":false},"declinedChoice":{"value":"RETURN"},
         "compensationAmount":{"value":20}}}"""), 400, "compensationAmount", caseNo, before);
    assertThat(as("agent1", "POST", complete, """
        {"variables":{"buyerAcceptsCompensation":{"value":false},"declinedChoice":{"value":"RETURN"}}}""")
        .status()).isEqualTo(204);
  }

  @Test
  void onlyThePersonWhoClaimedATaskCompletesItAndTheLedgerNamesWhoDid() {
    String caseNo = personalReturn("128.00");
    String taskId = claimed(caseNo, "retain", "agent1");
    CaseState before = CaseState.of(engine, jdbc, caseNo);
    String decision = "{\"variables\":{\"retained\":{\"value\":false}}}";

    assertRefused(as("agent2", "POST", "/task/" + taskId + "/complete", decision), 403, "agent1", caseNo, before);
    assertRefused(as("agent2", "POST", "/task/" + taskId + "/submit-form", decision), 403, "agent1", caseNo, before);
    assertRefused(as("agent2", "POST", "/task/" + taskId + "/unclaim", null), 403, "agent1", caseNo, before);
    assertRefused(as("agent2", "POST", "/task/" + taskId + "/claim", "{\"userId\":null}"), 403, "agent1", caseNo, before);
    assertRefused(as("agent2", "POST", "/task/" + taskId + "/assignee", "{\"userId\":\"agent2\"}"), 403,
        "TASK_ASSIGN", caseNo, before);
    assertThat(as("agent2", "POST", "/task/" + taskId + "/claim", "{\"userId\":\"agent2\"}").status()).isNotIn(200, 204);
    assertThat(CaseState.of(engine, jdbc, caseNo)).isEqualTo(before);

    // a manager hands the task over; the one who then completes it is the one the ledger names
    assertThat(as("manager1", "POST", "/task/" + taskId + "/assignee", "{\"userId\":\"agent2\"}").status()).isEqualTo(204);
    assertRefused(as("agent1", "POST", "/task/" + taskId + "/complete", decision), 403, "agent2", caseNo,
        CaseState.of(engine, jdbc, caseNo));
    assertThat(as("agent2", "POST", "/task/" + taskId + "/complete", decision).status()).isEqualTo(204);
    assertThat(caseView(caseNo).path("handledBy").asText()).isEqualTo("agent2");
    List<String> doneBy = new java.util.ArrayList<>();
    caseView(caseNo).path("timeline").forEach(e -> {
      if (e.path("kind").asText().equals("TASK_DONE")) doneBy.add(e.path("actor").asText());
    });
    assertThat(doneBy).containsExactly("agent2");
  }

  @Test
  void anAgentGivesBackOnlyTheirOwnClaimAndClaimsOnlyForThemselves() {
    String caseNo = personalReturn("128.00");
    String taskId = task(caseNo, "retain").getId();
    CaseState before = CaseState.of(engine, jdbc, caseNo);
    assertRefused(as("agent1", "POST", "/task/" + taskId + "/claim", "{\"userId\":\"agent2\"}"), 403, "自己",
        caseNo, before);

    claimed(caseNo, "retain", "agent1");
    assertThat(as("agent1", "POST", "/task/" + taskId + "/unclaim", null).status()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  @Test
  void aTaskCannotBeEndedByThrowingABpmnErrorOrEscalationAtIt() {
    String caseNo = personalReturn("300.00");
    String taskId = claimed(caseNo, "retain", "agent1");
    CaseState before = CaseState.of(engine, jdbc, caseNo);

    assertRefused(as("agent1", "POST", "/task/" + taskId + "/bpmnError",
        "{\"errorCode\":\"refundNotApproved\",\"variables\":{\"refundAmount\":{\"value\":500}}}"), 403, "BPMN",
        caseNo, before);
    assertRefused(as("agent1", "POST", "/task/" + taskId + "/bpmnEscalation",
        "{\"escalationCode\":\"buyerShipped\"}"), 403, "BPMN", caseNo, before);
  }

  @Test
  void tasklistsOwnApiChecksCompletionsTheSameWay() {
    String caseNo = personalReturn("300.00");
    String taskId = claimed(caseNo, "retain", "agent1");
    CaseState before = CaseState.of(engine, jdbc, caseNo);
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", "agent1", USER_PASSWORD).status()).isEqualTo(200);

    WebappSession.Reply refused = tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        "{\"variables\":{\"retained\":{\"value\":false},\"decidedByManager\":{\"value\":true}}}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("decidedByManager");
    assertThat(CaseState.of(engine, jdbc, caseNo)).isEqualTo(before);

    WebappSession.Reply done = tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
        "{\"variables\":{\"retained\":{\"value\":false},\"retentionAmount\":{\"value\":null}}}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(caseView(caseNo).path("handledBy").asText()).isEqualTo("agent1");
  }
}
