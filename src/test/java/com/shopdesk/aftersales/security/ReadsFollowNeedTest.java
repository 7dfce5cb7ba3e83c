package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a desk login can read: an agent sees the tasks of the agents' group and, through each of them, the case
 * behind it — not every running case's variables, not the diagrams, not people's e-mail addresses.
 */
class ReadsFollowNeedTest extends AfterSalesTest {
  private String agentsCase;
  private String managersCase;

  @BeforeEach
  void twoCases() {
    agentsCase = personalReturn("128.00");
    managersCase = personalReturn("1500.00");
    completeTask(managersCase, "retain", Map.of("retained", true, "retentionAmount", 1500.0));
    task(managersCase, "managerApproval");
  }

  private String personalReturn(String price) {
    String orderNo = newOrderNo();
    assertThat(post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_sun","name":"孙女士","phone":"13700000000"},
         "items":[{"sku":"BY-1","name":"白玉茶盏","category":"teaware","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"status":"DELIVERED","deliveredAt":"%s","shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"}}"""
        .formatted(orderNo, price, price, OffsetDateTime.now().minusDays(1), orderNo)).status()).isEqualTo(201);
    String caseNo = post("/api/cases", "{\"orderNo\":\"" + orderNo + "\",\"request\":\"RETURN_REFUND\",\"reason\":\"PERSONAL\"}")
        .json().path("caseNo").asText();
    runDueJobsOfCase(caseNo);
    return caseNo;
  }

  private JsonNode asAgent(String path) {
    Response r = send("GET", "/engine-rest" + path, null, "agent1", USER_PASSWORD);
    assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void anAgentSeesTheAgentsTasksAndNotTheManagers() {
    List<String> names = new ArrayList<>();
    asAgent("/task?processInstanceBusinessKeyIn=" + agentsCase + "," + managersCase).forEach(t -> names.add(t.path("name").asText()));
    assertThat(names).containsExactly("挽留客户");
    Response managers = send("GET", "/engine-rest/task?processInstanceBusinessKey=" + managersCase, null,
        "manager1", USER_PASSWORD);
    assertThat(managers.body()).contains("主管审批");
  }

  @Test
  void anAgentReadsTheCaseThroughTheirTaskAndNoOtherCasesVariables() {
    String taskId = task(agentsCase, "retain").getId();
    JsonNode form = asAgent("/task/" + taskId + "/form-variables");
    assertThat(form.path("caseNo").path("value").asText()).isEqualTo(agentsCase);
    assertThat(form.path("buyerName").path("value").asText()).isEqualTo("孙女士");

    String managersTask = task(managersCase, "managerApproval").getId();
    assertThat(send("GET", "/engine-rest/task/" + managersTask + "/form-variables", null, "agent1", USER_PASSWORD)
        .status()).isIn(403, 404);
    String instance = task(managersCase, "managerApproval").getProcessInstanceId();
    assertThat(send("GET", "/engine-rest/process-instance/" + instance + "/variables", null, "agent1", USER_PASSWORD)
        .status()).isEqualTo(403);

    assertThat(asAgent("/process-instance?businessKey=" + managersCase)).isEmpty();
    assertThat(asAgent("/history/process-instance?processInstanceBusinessKey=" + managersCase)).isEmpty();
    assertThat(asAgent("/history/variable-instance?processInstanceId=" + instance)).isEmpty();
    List<String> visible = new ArrayList<>();
    asAgent("/variable-instance?variableName=buyerName").forEach(v -> visible.add(v.path("value").asText()));
    assertThat(visible).as("process variables are read through a task's form, not listed").isEmpty();
  }

  @Test
  void theAgentsFilterShowsTheCaseAndOrderNumberOfEachTask() {
    String filter = engine.getFilterService().createFilterQuery().filterName("客服待办").singleResult().getId();
    Response r = send("POST", "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=1000", "{}", "agent1",
        USER_PASSWORD, "application/hal+json");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode mine = null;
    for (JsonNode t : r.json().path("_embedded").path("task")) {
      if (t.path("id").asText().equals(task(agentsCase, "retain").getId())) mine = t;
    }
    assertThat(mine).as("the agents' task in 客服待办").isNotNull();
    List<String> columns = new ArrayList<>();
    mine.path("_embedded").path("variable").forEach(v -> columns.add(v.path("name").asText() + "=" + v.path("value").asText()));
    assertThat(columns).contains("caseNo=" + agentsCase, "amountText=¥128.00");
  }

  @Test
  void diagramsAreForThoseWhoChangeOrWatchThem() {
    assertThat(asAgent("/process-definition").findValuesAsText("key")).as("only the one Tasklist lets them start")
        .containsOnly("case-correction");
    for (String user : List.of("agent1", "wh1", "platform1")) {
      assertThat(send("GET", "/engine-rest/process-definition/key/return-refund/xml", null, user, USER_PASSWORD)
          .status()).as(user).isEqualTo(404);
    }
    assertThat(send("GET", "/engine-rest/process-definition/key/return-refund/xml", null, "analyst1", USER_PASSWORD)
        .status()).isEqualTo(200);
  }

  @Test
  void peopleAreListedByNameAndOnlyTheAdminSeesTheirEmailAddresses() {
    JsonNode agentsView = asAgent("/user?id=agent2");
    assertThat(agentsView.get(0).path("firstName").asText()).isEqualTo("小李");
    assertThat(agentsView.get(0).path("email").isNull()).isTrue();
    assertThat(asAgent("/user/agent2/profile").path("email").isNull()).isTrue();
    Response search = send("GET", "/engine-rest/user?emailLike=%25demo%25", null, "agent1", USER_PASSWORD);
    assertThat(search.status()).isEqualTo(400);
    assertThat(search.body()).contains("e-mail");
    assertThat(get("/engine-rest/user?id=agent2").json().get(0).path("email").asText()).isEqualTo("agent2@demo.invalid");
    assertThat(engine.getIdentityService().createUserQuery().userId("agent2").singleResult().getEmail())
        .as("the address itself is kept").isEqualTo("agent2@demo.invalid");
  }
}
