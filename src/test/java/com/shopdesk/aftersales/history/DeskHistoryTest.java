package com.shopdesk.aftersales.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.cases.TaskContext;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * What the engine's history keeps of a case an agent decided in Tasklist: who did which step and when, the
 * case's variables with their last values, the decisions, all as Cockpit and the REST API read them; not the
 * per-change copies of variables, nor the display texts put on each task.
 */
class DeskHistoryTest extends AfterSalesTest {

  @Test
  void historyAnswersWhoDidWhatWithoutCopiesOfEveryChange() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "300.00", 1);
    String caseNo = openCaseThroughApi("""
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL"}""".formatted(orderNo));
    runDueJobsOfCase(caseNo);
    Task agree = task(caseNo, "agreeRefund");
    assertThat(send("POST", "/engine-rest/task/" + agree.getId() + "/claim", "{\"userId\":\"agent1\"}", "agent1",
        USER_PASSWORD).status()).isEqualTo(204);
    assertThat(send("POST", "/engine-rest/task/" + agree.getId() + "/complete",
        "{\"variables\":{\"refundAgreed\":{\"value\":true}}}", "agent1", USER_PASSWORD).status()).isEqualTo(204);
    runDueJobsOfCase(caseNo);
    assertThat(caseView(caseNo).path("resolution").asText()).isEqualTo("REFUNDED");

    HistoryService history = engine.getHistoryService();
    List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNo).list()
        .stream().map(p -> p.getId()).toList();
    String[] ids = instances.toArray(String[]::new);

    HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(agree.getId()).singleResult();
    assertThat(done.getAssignee()).isEqualTo("agent1");
    assertThat(done.getEndTime()).isNotNull();
    assertThat(history.createUserOperationLogQuery().taskId(agree.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).singleResult().getUserId()).isEqualTo("agent1");
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instances.get(0))
        .activityId("agreeRefund").singleResult().getAssignee()).isEqualTo("agent1");

    List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ids).list();
    assertThat(variables).extracting(HistoricVariableInstance::getName)
        .contains("caseNo", "orderNo", "amount", "buyerName", "refundAgreed");
    assertThat(variables).filteredOn(v -> "refundAgreed".equals(v.getName()))
        .extracting(HistoricVariableInstance::getValue).containsExactly(true);
    assertThat(variables).as("no display text of a task").noneMatch(v -> v.getTaskId() != null
        && TaskContext.DISPLAY_VARIABLES.contains(v.getName()));
    assertThat(history.createHistoricDetailQuery().processInstanceIdIn(ids).count()).isZero();
    assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("after-sales-routing")
        .list()).isNotEmpty();
  }
}
