package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.shopdesk.aftersales.AfterSalesTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's table of who may do what, tried row by row as one person of each group: a ✓ must work and do
 * its work, a – must be refused and change nothing. A row without a probe here, or a probe without a row,
 * fails, so the table and the product cannot drift apart.
 */
class RoleTableTest extends AfterSalesTest {
  private static final List<String> ROLES = List.of("agents", "warehouse", "managers", "analysts", "integrations",
      "admin");
  private static final Map<String, String> PERSON = Map.of("agents", "agent1", "warehouse", "wh1",
      "managers", "manager1", "analysts", "analyst1", "integrations", "platform1", "admin", ADMIN);

  private final Map<String, Predicate<String>> probes = new LinkedHashMap<>();

  record Row(String what, Map<String, Boolean> allowed) {}

  @BeforeEach
  void probes() {
    probes.put("Log in to Tasklist", user -> login("tasklist", user));
    probes.put("Log in to Cockpit", user -> login("cockpit", user));
    probes.put("Log in to Admin", user -> login("admin", user));
    probes.put("Open the managers' desk in Cockpit (售后工作台)", this::desk);
    probes.put("Work an agents' task (claim, complete its form)", user -> work(returnCaseAt("retain"), "retain", user,
        "{\"retained\":{\"value\":false}}"));
    probes.put("Work a warehouse task (退货验货)", user -> work(returnCaseAt("inspection"), "inspection", user,
        "{\"inspectionPassed\":{\"value\":true},\"disposition\":{\"value\":\"RESTOCK\"}}"));
    probes.put("Work a managers' task (主管审批)", user -> work(returnCaseAt("managerApproval"), "managerApproval", user,
        "{\"approved\":{\"value\":false}}"));
    probes.put("Record the platform's judgement on a complaint (录入平台判定)", user -> work(
        complaintAt("enterJudgement"), "enterJudgement", user,
        "{\"judgement\":{\"value\":\"FOR_SHOP\"},\"judgementNote\":{\"value\":\"平台判定支持商家\"}}"));
    probes.put("Work a complaint's evidence before the platform's deadline (平台举证临近时限（主管）)", user -> work(
        complaintAt("submitEvidenceEscalated"), "submitEvidenceEscalated", user,
        "{\"statement\":{\"value\":\"聊天记录已提交平台\"}}"));
    probes.put("Assign a task to someone else", this::assign);
    probes.put("Open a case (`POST /api/cases`)", this::openCase);
    probes.put("Read a case and the ledger (`GET /api/cases/…`)", this::readCase);
    probes.put("Enter the buyer's return parcel (`POST /api/cases/{caseNo}/return-shipment`)", this::returnParcel);
    probes.put("Withdraw a case (`POST /api/cases/{caseNo}/withdraw`)", this::withdraw);
    probes.put("Correct a case's request or reason (`PATCH /api/cases/{caseNo}`)", this::correct);
    probes.put("Correct a case in Tasklist (启动流程 → 修改售后申请)", this::correctInTasklist);
    probes.put("Remark on a case (`POST /api/cases/{caseNo}/remarks`)", this::remark);
    probes.put("Ask where a refund is (`POST /api/cases/{caseNo}/refund-inquiries`)", this::refundInquiry);
    probes.put("Record a gift promised to the buyer (`POST /api/orders/{orderNo}/promised-gifts`)", this::promiseGift);
    probes.put("Import or update an order (`POST /api/orders`)", this::importAnOrder);
    probes.put("Push a courier event (`POST /api/courier-events`)", this::courierEvent);
    probes.put("Control the sandbox (`/sandbox/…`)", this::sandbox);
    probes.put("Read what came from the platform (`GET /api/platform-refunds…`)", this::platformRefunds);
    probes.put("Read a running case's variables", this::readVariables);
    probes.put("Change a case's variables", this::changeVariable);
    probes.put("Retry a failed step (an incident)", this::retry);
    probes.put("Delete a running case", this::deleteCase);
    probes.put("Start a process by hand", this::startByHand);
    probes.put("Deploy diagrams, decision tables and forms", this::deploy);
    probes.put("Delete a deployment that running cases use", this::deleteUsedDeployment);
    probes.put("Read diagrams (BPMN XML)", user -> {
      Response r = as(user, "GET", "/engine-rest/process-definition/key/return-refund/xml", null);
      return outcome(r, r.status() == 200 && r.body().contains("bpmn20Xml"));
    });
    probes.put("Evaluate a decision table", user -> {
      Response r = as(user, "POST", "/engine-rest/decision-definition/key/after-sales-routing/evaluate", """
          {"variables":{"request":{"value":"REFUND_ONLY"},"reason":{"value":"PERSONAL"},"orderStatus":{"value":"UNSHIPPED"}}}""");
      return outcome(r, r.status() == 200 && r.body().contains("interception"));
    });
    // a listing shows each caller only whom they may see: refused is "not in the list", not an error
    probes.put("List the desk's people by name", user -> {
      Response r = as(user, "GET", "/engine-rest/user", null);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      return r.body().contains("\"agent2\"") && r.body().contains("小李");
    });
    probes.put("See people's e-mail addresses", user -> {
      Response r = as(user, "GET", "/engine-rest/user", null);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      return r.body().contains("agent2@demo.invalid");
    });
    probes.put("Create users and grants", this::createUser);
  }

  @Test
  void everyRowOfTheTableHasAProbeAndEveryProbeARow() {
    assertThat(table().stream().map(Row::what)).containsExactlyInAnyOrderElementsOf(probes.keySet());
  }

  @TestFactory
  Stream<DynamicTest> everyRoleDoesWhatTheTableSaysAndNothingElse() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : table()) {
      for (String role : ROLES) {
        boolean expected = row.allowed().get(role);
        tests.add(DynamicTest.dynamicTest(row.what() + " — " + role + (expected ? " may" : " may not"), () -> {
          Predicate<String> probe = probes.get(row.what());
          assertThat(probe).as("a probe for the row " + row.what()).isNotNull();
          assertThat(probe.test(PERSON.get(role))).as(row.what() + " as " + PERSON.get(role)).isEqualTo(expected);
        }));
      }
    }
    return tests.stream();
  }

  private static List<Row> table() {
    String readme;
    try {
      readme = Files.readString(Path.of("README.md"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    String block = readme.substring(readme.indexOf("<!-- roles -->"), readme.indexOf("<!-- /roles -->"));
    List<Row> rows = new ArrayList<>();
    for (String line : block.lines().toList()) {
      if (!line.startsWith("| ") || line.startsWith("| what") || line.startsWith("| ---")) continue;
      String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
      assertThat(cells).as(line).hasSize(ROLES.size() + 1);
      Map<String, Boolean> allowed = new LinkedHashMap<>();
      for (int i = 0; i < ROLES.size(); i++) {
        String cell = cells[i + 1].trim();
        assertThat(cell).as(line).isIn("✓", "–");
        allowed.put(ROLES.get(i), cell.equals("✓"));
      }
      rows.add(new Row(cells[0].trim(), allowed));
    }
    assertThat(rows).isNotEmpty();
    return rows;
  }

  // --- the probes: each sets up what it needs, tries it as the user, and says whether it happened ----------

  /**
   * Whether the request worked: a success must have done its work, a refusal must have done nothing; a
   * success that changed nothing, or a refusal that changed something, fails the test.
   */
  private static boolean outcome(Response r, boolean happened) {
    boolean succeeded = r.status() >= 200 && r.status() < 300;
    assertThat(happened).as("HTTP " + r.status() + " " + r.body() + (succeeded ? " but nothing happened"
        : " yet it happened")).isEqualTo(succeeded);
    return succeeded;
  }

  private Response as(String user, String method, String path, String body) {
    return send(method, path, body, user, ADMIN.equals(user) ? ADMIN_PASSWORD : USER_PASSWORD);
  }

  private boolean login(String app, String user) {
    WebappSession.Reply r = new WebappSession(port).login(app, user, ADMIN.equals(user) ? ADMIN_PASSWORD : USER_PASSWORD);
    return r.status() == 200 && r.body().contains("\"" + app + "\"");
  }

  private String order(String price) {
    String orderNo = newOrderNo();
    Response r = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_wu","name":"吴女士"},
         "items":[{"sku":"TS-1","name":"青瓷茶具","category":"teaware","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"status":"DELIVERED","deliveredAt":"%s","shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"}}"""
        .formatted(orderNo, price, price, OffsetDateTime.now().minusDays(1), orderNo));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return orderNo;
  }

  private boolean work(String caseNo, String key, String user, String variables) {
    String taskId = task(caseNo, key).getId();
    Response claim = as(user, "POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
    boolean claimedIt = user.equals(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee());
    if (!outcome(claim, claimedIt)) {
      return false;
    }
    Response complete = as(user, "POST", "/engine-rest/task/" + taskId + "/complete", "{\"variables\":" + variables + "}");
    boolean done = engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0;
    assertThat(outcome(complete, done)).as("who may claim may complete").isTrue();
    assertThat(caseView(caseNo).path("handledBy").asText()).isEqualTo(user);
    return true;
  }

  /**
   * A complaint about a fresh return, at the step: submitEvidenceEscalated (the platform's deadline an hour away, so
   * the managers have it at once) or enterJudgement (evidence submitted).
   */
  private String complaintAt(String step) {
    String original = returnCaseAt("retain");
    Response opened = post("/api/cases", "{\"orderNo\":\"" + caseView(original).path("orderNo").asText()
        + "\",\"request\":\"COMPLAINT\",\"reason\":\"RUDE_AGENT\",\"linkedCase\":\"" + original
        + "\",\"platformDeadline\":\"" + OffsetDateTime.now().plusHours(1).withNano(0) + "\"}");
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String caseNo = opened.json().path("caseNo").asText();
    runDueJobsOfCase(caseNo);
    if (step.equals("enterJudgement")) {
      completeTask(caseNo, "submitEvidence", Map.of("statement", "聊天记录已提交平台"));
    }
    return caseNo;
  }

  private boolean assign(String user) {
    String taskId = task(returnCaseAt("retain"), "retain").getId();
    Response r = as(user, "POST", "/engine-rest/task/" + taskId + "/assignee", "{\"userId\":\"agent2\"}");
    return outcome(r, "agent2".equals(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()));
  }

  private boolean openCase(String user) {
    String orderNo = order("128.00");
    Response r = as(user, "POST", "/api/cases", "{\"orderNo\":\"" + orderNo + "\",\"request\":\"RETURN_REFUND\",\"reason\":\"PERSONAL\"}");
    return outcome(r, count("SELECT COUNT(*) FROM cases WHERE order_no = ?", orderNo) == 1);
  }

  private boolean readCase(String user) {
    String caseNo = returnCaseAt("retain");
    Response one = as(user, "GET", "/api/cases/" + caseNo, null);
    Response list = as(user, "GET", "/api/cases?limit=5", null);
    assertThat(list.status() == 200).isEqualTo(one.status() == 200);
    return outcome(one, one.body().contains(caseNo) && one.body().contains("timeline"));
  }

  private boolean returnParcel(String user) {
    String caseNo = returnCaseAt("awaitingReturn");
    Response r = as(user, "POST", "/api/cases/" + caseNo + "/return-shipment",
        "{\"carrier\":\"YTO\",\"trackingNo\":\"YT-" + caseNo + "\",\"shippingFee\":8.00}");
    return outcome(r, count("SELECT COUNT(*) FROM shipments WHERE tracking_no = ?", "YT-" + caseNo) == 1);
  }

  private boolean withdraw(String user) {
    String caseNo = returnCaseAt("retain");
    Response r = as(user, "POST", "/api/cases/" + caseNo + "/withdraw", "{\"reason\":\"probe\"}");
    return outcome(r, count("SELECT COUNT(*) FROM cases WHERE case_no = ? AND resolution = 'WITHDRAWN'", caseNo) == 1);
  }

  private boolean correct(String user) {
    String caseNo = returnCaseAt("retain");
    Response r = as(user, "PATCH", "/api/cases/" + caseNo, "{\"reason\":\"QUALITY\"}");
    return outcome(r, count("SELECT COUNT(*) FROM case_revisions WHERE case_no = ?", caseNo) == 1);
  }

  private boolean correctInTasklist(String user) {
    String caseNo = returnCaseAt("retain");
    Response r = as(user, "POST", "/engine-rest/process-definition/key/case-correction/submit-form",
        "{\"variables\":{\"caseNo\":{\"value\":\"" + caseNo + "\"},\"reason\":{\"value\":\"QUALITY\"}}}");
    return outcome(r, count("SELECT COUNT(*) FROM case_revisions WHERE case_no = ?", caseNo) == 1);
  }

  private boolean remark(String user) {
    String caseNo = returnCaseAt("retain");
    Response r = as(user, "POST", "/api/cases/" + caseNo + "/remarks", "{\"text\":\"probe\",\"flag\":\"YELLOW\"}");
    return outcome(r, count("SELECT COUNT(*) FROM order_remarks WHERE case_no = ? AND flag = 'YELLOW'", caseNo) == 1);
  }

  private boolean refundInquiry(String user) {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "88.00", 1);
    String caseNo = openCaseThroughApi(
        "{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\",\"reason\":\"PERSONAL\"}");
    runDueJobsOfCase(caseNo);
    Response r = as(user, "POST", "/api/cases/" + caseNo + "/refund-inquiries", "{}");
    return outcome(r, count("SELECT COUNT(*) FROM case_timeline WHERE case_no = ? AND text LIKE '买家询问退款到账%'",
        caseNo) == 1);
  }

  private boolean promiseGift(String user) {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "88.00", 1);
    Response r = as(user, "POST", "/api/orders/" + orderNo + "/promised-gifts",
        "{\"sku\":\"LJ-S5\",\"name\":\"龙井小样 5g\",\"value\":8.00}");
    return outcome(r, count("SELECT COUNT(*) FROM promised_gifts WHERE order_no = ?", orderNo) == 1
        && count("SELECT COUNT(*) FROM order_remarks WHERE order_no = ? AND flag = 'YELLOW'", orderNo) == 1);
  }

  private boolean importAnOrder(String user) {
    String orderNo = newOrderNo();
    Response r = as(user, "POST", "/api/orders", orderJson(orderNo, "UNSHIPPED", null, "88.00", 1));
    return outcome(r, count("SELECT COUNT(*) FROM orders WHERE order_no = ?", orderNo) == 1);
  }

  private boolean courierEvent(String user) {
    String trackingNo = "ZT-" + UUID.randomUUID();
    Response r = as(user, "POST", "/api/courier-events", "{\"carrier\":\"ZTO\",\"trackingNo\":\"" + trackingNo
        + "\",\"event\":\"INTERCEPTED\",\"at\":\"" + OffsetDateTime.now() + "\"}");
    return outcome(r, count("SELECT COUNT(*) FROM tracking_events WHERE tracking_no = ?", trackingNo) == 1);
  }

  private boolean sandbox(String user) {
    try {
      Response r = as(user, "PUT", "/sandbox/outages/COURIER", "{\"reason\":\"probe\"}");
      return outcome(r, count("SELECT COUNT(*) FROM sandbox_outages WHERE system_name = 'COURIER'") == 1);
    } finally {
      jdbc.update("DELETE FROM sandbox_outages WHERE system_name = 'COURIER'");
    }
  }

  private boolean desk(String user) {
    WebappSession session = new WebappSession(port);
    session.login("cockpit", user, ADMIN.equals(user) ? ADMIN_PASSWORD : USER_PASSWORD);
    WebappSession.Reply board = session.get("/camunda/api/cockpit/plugin/desk/default/board");
    boolean read = board.status() == 200 && board.body().contains("\"clocks\"");
    assertThat(read || board.body().contains("clocks")).as(board.body()).isEqualTo(read);
    return read;
  }

  private boolean platformRefunds(String user) {
    Response feed = as(user, "GET", "/api/platform-refunds/feed", null);
    Response list = as(user, "GET", "/api/platform-refunds", null);
    assertThat(list.status() == 200).isEqualTo(feed.status() == 200);
    return outcome(list, list.body().startsWith("["));
  }

  private String instanceOf(String caseNo) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("return-refund").singleResult().getId();
  }

  private boolean readVariables(String user) {
    Response r = as(user, "GET", "/engine-rest/process-instance/" + instanceOf(returnCaseAt("retain")) + "/variables", null);
    return outcome(r, r.status() == 200 && r.body().contains("buyerName"));
  }

  private boolean changeVariable(String user) {
    String instance = instanceOf(returnCaseAt("retain"));
    Response r = as(user, "PUT", "/engine-rest/process-instance/" + instance + "/variables/buyerName",
        "{\"value\":\"改过的名字\"}");
    return outcome(r, "改过的名字".equals(engine.getRuntimeService().getVariable(instance, "buyerName")));
  }

  private boolean retry(String user) {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "128.00", 1);
    String instance = openRefundOnly(orderNo, "128.00").processInstanceId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    engine.getManagementService().setJobRetries(job.getId(), 0);
    Response r = as(user, "PUT", "/engine-rest/job/" + job.getId() + "/retries", "{\"retries\":1}");
    return outcome(r, engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries() == 1);
  }

  private boolean deleteCase(String user) {
    String instance = instanceOf(returnCaseAt("retain"));
    Response r = as(user, "DELETE", "/engine-rest/process-instance/" + instance, null);
    return outcome(r, engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() == 0);
  }

  /** A process of the test's own that waits at a task, deployed under its own key. */
  private String probeProcess(String key) {
    return engine.getRepositoryService().createDeployment().name(key).addModelInstance(key + ".bpmn",
        Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().userTask("wait")
            .camundaCandidateGroups("agents").camundaFormRef("retain-buyer").camundaFormRefBinding("latest")
            .camundaDueDate("${deadlines.taskResponse}").endEvent().done()).deploy().getId();
  }

  private boolean deleteUsedDeployment(String user) {
    String key = "probe" + System.nanoTime();
    String deploymentId = probeProcess(key);
    engine.getRuntimeService().startProcessInstanceByKey(key, "AS-probe-" + key);
    Response r = as(user, "DELETE", "/engine-rest/deployment/" + deploymentId + "?cascade=true", null);
    return outcome(r, engine.getRepositoryService().createDeploymentQuery().deploymentId(deploymentId).count() == 0);
  }

  private boolean startByHand(String user) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("role-probe").count() == 0) {
      probeProcess("role-probe");
    }
    String key = "probe-" + UUID.randomUUID();
    Response r = as(user, "POST", "/engine-rest/process-definition/key/role-probe/start", "{\"businessKey\":\"" + key + "\"}");
    boolean started = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count() == 1;
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).list()
        .forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "probe"));
    return outcome(r, started);
  }

  private boolean deploy(String user) {
    String name = "probe-" + UUID.randomUUID();
    String dmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="probe" name="probe" namespace="http://shopdesk.com/probe">
          <decision id="probeDecision" name="probe">
            <decisionTable id="probeTable">
              <input id="in"><inputExpression id="inExpr" typeRef="string"><text>reason</text></inputExpression></input>
              <output id="out" name="ok" typeRef="boolean" />
              <rule id="r1"><inputEntry id="e1"><text>-</text></inputEntry><outputEntry id="o1"><text>true</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>""";
    String boundary = "----probe" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n--"
        + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.dmn\"\r\nContent-Type: "
        + "application/octet-stream\r\n\r\n" + dmn + "\r\n--" + boundary + "--\r\n";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":"
            + (ADMIN.equals(user) ? ADMIN_PASSWORD : USER_PASSWORD)).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      var deployed = engine.getRepositoryService().createDeploymentQuery().deploymentName(name).list();
      deployed.forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
      return outcome(new Response(r.statusCode(), r.body(), json), deployed.size() == 1);
    } catch (Exception e) {
      return fail("deploying as " + user, e);
    }
  }

  private boolean createUser(String user) {
    String id = "probe" + System.nanoTime();
    Response r = as(user, "POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id
        + "\",\"firstName\":\"探\",\"lastName\":\"针\"},\"credentials\":{\"password\":\"Probe-pass-2026\"}}");
    boolean created = engine.getIdentityService().createUserQuery().userId(id).count() == 1;
    if (created) engine.getIdentityService().deleteUser(id);
    return outcome(r, created);
  }
}
