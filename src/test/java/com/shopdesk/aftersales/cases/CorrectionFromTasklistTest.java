package com.shopdesk.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.AfterSalesTest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The Tasklist action 修改售后申请: an agent starts it from Tasklist's 发起流程 with the case number and what
 * changes, and the case is corrected as through {@code PATCH /api/cases/{caseNo}}, in the start's transaction and
 * as that agent. Driven through the engine REST API's submit-form, the call Tasklist makes, as each role.
 */
class CorrectionFromTasklistTest extends AfterSalesTest {
  private static final String SUBMIT = "/engine-rest/process-definition/key/case-correction/submit-form";

  private Response submit(String user, Map<String, Object> fields) {
    Map<String, Object> variables = new LinkedHashMap<>();
    fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    try {
      return send("POST", SUBMIT, new ObjectMapper().writeValueAsString(Map.of("variables", variables)), user,
          USER_PASSWORD);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private String processOf(String caseNo) {
    return jdbc.queryForObject("SELECT process_instance_id FROM cases WHERE case_no = ?", String.class, caseNo);
  }

  private long correctionsRecorded(String caseNo) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("case-correction")
        .processInstanceBusinessKey(caseNo).count();
  }

  /** Nothing of the case changed: same process, same request and reason, no revision, no timeline entry. */
  private void unchanged(String caseNo, String process, String step) {
    assertThat(processOf(caseNo)).isEqualTo(process);
    assertThat(task(caseNo, step)).isNotNull();
    JsonNode view = caseView(caseNo);
    assertThat(view.path("revisions")).isEmpty();
    assertThat(view.path("reason").asText()).isEqualTo("PERSONAL");
    assertThat(count("SELECT COUNT(*) FROM case_timeline WHERE case_no = ? AND kind = 'CORRECTED'", caseNo)).isZero();
    assertThat(correctionsRecorded(caseNo)).as("no correction is recorded").isZero();
  }

  @Test
  void anAgentCorrectsTheReasonFromTasklistAndTheCaseStartsOverWhereItBelongs() {
    String caseNo = returnCaseAt("retain");
    String before = processOf(caseNo);

    Response r = submit("agent1", Map.of("caseNo", caseNo, "reason", "QUALITY", "note", "买家来电说明是茶盏有裂纹"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    runDueJobsOfCase(caseNo);

    assertThat(processOf(caseNo)).isNotEqualTo(before);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(before).count()).isZero();
    assertThat(task(caseNo, "reviewEvidence")).as("a quality claim starts with the evidence").isNotNull();
    JsonNode view = caseView(caseNo);
    assertThat(view.path("reason").asText()).isEqualTo("QUALITY");
    assertThat(view.path("revisions")).hasSize(1);
    assertThat(view.path("revisions").get(0).path("changedBy").asText()).isEqualTo("agent1");
    assertThat(view.path("revisions").get(0).path("note").asText()).isEqualTo("买家来电说明是茶盏有裂纹");
    assertThat(view.path("timeline").toString()).contains("原因 个人原因 → 质量问题").contains("agent1");

    HistoricProcessInstance action = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("case-correction").processInstanceBusinessKey(caseNo).singleResult();
    assertThat(action.getStartUserId()).as("Cockpit shows who corrected the case").isEqualTo("agent1");
    assertThat(action.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);

    Response byManager = submit("manager1", Map.of("caseNo", caseNo, "request", "EXCHANGE"));
    assertThat(byManager.status()).as(byManager.body()).isEqualTo(200);
    assertThat(caseView(caseNo).path("process").asText()).isEqualTo("exchange");
    assertThat(caseView(caseNo).path("revisions").get(1).path("changedBy").asText()).isEqualTo("manager1");
  }

  @Test
  void tasklistOffersAgentsAndManagersThisOneProcessToStartAndNobodyElseAny() {
    String startable = "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
        + "&startablePermissionCheck=true";
    for (String user : new String[] {"agent1", "manager1"}) {
      Response r = send("GET", startable, null, user, USER_PASSWORD);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().findValuesAsText("key")).as(user).containsExactly("case-correction");
    }
    for (String user : new String[] {"wh1", "analyst1", "platform1"}) {
      Response r = send("GET", startable, null, user, USER_PASSWORD);
      assertThat(r.status() == 403 || r.json().isEmpty()).as(user + ": " + r.body()).isTrue();
    }
  }

  @Test
  void refusalsComeBackToTheFormInTheDesksWordsAndRecordNothing() {
    String caseNo = returnCaseAt("retain");
    String before = processOf(caseNo);
    Object[][] bad = {
        {Map.of("caseNo", caseNo, "reason", "PERSONAL"), 400, "已是「退货退款」、原因「个人原因」"},
        {Map.of("caseNo", caseNo), 400, "至少一项"},
        {Map.of("caseNo", caseNo, "request", "RESHIP", "reason", "PRICE_DIFFERENCE"), 400, "没有处理这种申请的流程"},
        {Map.of("caseNo", "AS20000101-000001", "reason", "QUALITY"), 404, "不存在"},
        {Map.of("caseNo", "订单 123", "reason", "QUALITY"), 400, "「售后单号」（caseNo）格式不对"},
        {Map.of("caseNo", caseNo, "reason", "BORED"), 400, "改为原因"},
        {Map.of("caseNo", caseNo, "reason", 7), 400, "改为原因"},
        {Map.of("caseNo", caseNo, "reason", "QUALITY", "amount", 1000), 400, "amount"},
        {Map.of("caseNo", caseNo, "reason", "QUALITY", "note", "长".repeat(501)), 400, "最多 500 个字"},
        {Map.of("reason", "QUALITY"), 400, "请填写「售后单号」"},
    };
    for (Object[] b : bad) {
      @SuppressWarnings("unchecked")
      Response r = submit("agent1", (Map<String, Object>) b[0]);
      assertThat(r.status()).as(b[0] + " → " + r.body()).isEqualTo(b[1]);
      assertThat(r.json().path("message").asText()).as(b[0].toString()).contains((String) b[2]);
    }
    unchanged(caseNo, before, "retain");

    assertThat(send("POST", "/api/cases/" + caseNo + "/withdraw", "{\"reason\":\"不要了\"}", "agent1",
        USER_PASSWORD).status()).isEqualTo(200);
    Response closed = submit("agent1", Map.of("caseNo", caseNo, "reason", "QUALITY"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(409);
    assertThat(closed.json().path("message").asText()).contains("已结案（WITHDRAWN），不能更正");
    assertThat(correctionsRecorded(caseNo)).isZero();
  }

  @Test
  void otherRolesAndOtherWaysOfStartingItAreRefusedAndChangeNothing() {
    String caseNo = returnCaseAt("retain");
    String before = processOf(caseNo);
    for (String user : new String[] {"wh1", "analyst1", "platform1"}) {
      Response r = submit(user, Map.of("caseNo", caseNo, "reason", "QUALITY"));
      // 404 for those who may not even see the process, as the engine answers for anything they cannot read
      assertThat(r.status()).as(user + " → " + r.body()).isIn(403, 404);
    }
    String variables = "\"variables\":{\"caseNo\":{\"value\":\"" + caseNo + "\"},\"reason\":{\"value\":\"QUALITY\"}}";
    String[] starts = {
        "{" + variables + "}",
        "{" + variables + ",\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"correct\"}]}",
        "{" + variables + ",\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"end\"}],"
            + "\"skipCustomListeners\":true,\"skipIoMappings\":true}",
    };
    for (String user : new String[] {"agent1", "manager1"}) {
      for (String body : starts) {
        Response r = send("POST", "/engine-rest/process-definition/key/case-correction/start", body, user,
            USER_PASSWORD);
        assertThat(r.status()).as(user + " " + body + " → " + r.body()).isEqualTo(403);
      }
    }
    Response other = send("POST", "/engine-rest/process-definition/key/refund-chase/submit-form",
        "{" + variables + "}", "agent1", USER_PASSWORD);
    assertThat(other.status()).as("no other process starts from a form: " + other.body()).isIn(403, 404);
    unchanged(caseNo, before, "retain");
  }

  @Test
  void aManagerCannotReplayAnEndedCorrectionByRestartingIt() {
    String caseNo = returnCaseAt("retain");
    assertThat(submit("agent1", Map.of("caseNo", caseNo, "reason", "QUALITY")).status()).isEqualTo(200);
    HistoricProcessInstance action = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("case-correction").processInstanceBusinessKey(caseNo).singleResult();
    String after = processOf(caseNo);

    Response r = send("POST", "/engine-rest/process-definition/" + action.getProcessDefinitionId() + "/restart",
        "{\"processInstanceIds\":[\"" + action.getId() + "\"],\"instructions\":[{\"type\":\"startBeforeActivity\","
            + "\"activityId\":\"correct\"}],\"initialVariables\":true}", "manager1", USER_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(processOf(caseNo)).isEqualTo(after);
    assertThat(correctionsRecorded(caseNo)).isOne();
  }

  @Test
  void withoutAPersonBehindItTheCorrectionRefusesToRun() {
    String caseNo = returnCaseAt("retain");
    String before = processOf(caseNo);
    // as from a job, or a diagram that put the step after an asynchronous boundary
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("case-correction",
        Map.of("caseNo", caseNo, "reason", "QUALITY")))
        .hasMessageContaining("只有客服、主管可以更正售后单");
    unchanged(caseNo, before, "retain");
  }

  @Test
  void theFormOffersExactlyTheDesksRequestTypesAndReasons() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/case-correction.form").toFile());
    assertThat(options(form, "request")).isEqualTo(Arrays.stream(RequestType.values())
        .collect(Collectors.toMap(Enum::name, RequestType::label, (a, b) -> a, LinkedHashMap::new)));
    assertThat(options(form, "reason")).isEqualTo(Arrays.stream(Reason.values())
        .collect(Collectors.toMap(Enum::name, Reason::label, (a, b) -> a, LinkedHashMap::new)));
  }

  private static Map<String, String> options(JsonNode form, String key) {
    Map<String, String> options = new LinkedHashMap<>();
    form.path("components").forEach(c -> {
      if (key.equals(c.path("key").asText())) {
        c.path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
      }
    });
    return options;
  }
}
