package com.shopdesk.aftersales.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

/**
 * README, "Analysts: Modeler": new cases use the newest version; running cases stay on theirs. An analyst deploys
 * a changed {@code refund} on its own, as Modeler does, while a return-refund case waits at 挽留客户 before its
 * refund: that case still pays with the refund it started with, a case opened after the deployment with the new
 * one.
 */
class RunningCasesKeepTheirVersionsTest extends AfterSalesTest {
  private static final String CHANGED_STEP = "退款（新版本）";

  @Test
  void aRunningCaseCallsTheRefundOfItsStartAndACaseOpenedAfterADeploymentTheNewOne() throws Exception {
    Instant start = Instant.now();
    clockAt(start);
    ProcessDefinition newestAtStart = newestRefund();
    String olderCase = caseWaitingBeforeItsRefund();

    clockAt(start.plus(Duration.ofMinutes(1)));
    String deploymentId = analystDeploysChangedRefund();
    try {
      ProcessDefinition changed = newestRefund();
      assertThat(changed.getDeploymentId()).isEqualTo(deploymentId);
      assertThat(changed.getVersion()).isGreaterThan(newestAtStart.getVersion());

      clockAt(start.plus(Duration.ofMinutes(2)));
      String newerCase = caseWaitingBeforeItsRefund();

      clockAt(start.plus(Duration.ofMinutes(3)));
      completeTask(olderCase, "retain", Map.of("retained", true, "retentionAmount", 15.0));
      completeTask(newerCase, "retain", Map.of("retained", true, "retentionAmount", 15.0));

      HistoricProcessInstance olderRefund = calledRefund(olderCase);
      assertThat(olderRefund.getProcessDefinitionId()).as("the case opened before the deployment")
          .isEqualTo(newestAtStart.getId());
      assertThat(olderRefund.getProcessDefinitionVersion()).isEqualTo(newestAtStart.getVersion());
      assertThat(paymentStepName(olderRefund)).isEqualTo("退款");

      HistoricProcessInstance newerRefund = calledRefund(newerCase);
      assertThat(newerRefund.getProcessDefinitionId()).as("the case opened after the deployment")
          .isEqualTo(changed.getId());
      assertThat(paymentStepName(newerRefund)).isEqualTo(CHANGED_STEP);

      for (String caseNo : List.of(olderCase, newerCase)) {
        assertThat(caseView(caseNo).path("resolution").asText()).isEqualTo("RETAINED");
        assertThat(caseView(caseNo).path("refunds")).hasSize(1);
      }
    } finally {
      // the changed refund leaves with everything that ran on it, so other tests see the desk's own as newest
      Response deleted = send("DELETE", "/engine-rest/deployment/" + deploymentId + "?cascade=true", null, ADMIN,
          ADMIN_PASSWORD);
      assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    }
  }

  @Test
  void aCaseThatStartedBeforeAnyVersionExistedCallsTheFirstOne() {
    clockAt(Instant.parse("2020-01-06T02:00:00Z")); // long before this engine deployed anything
    String caseNo = caseWaitingBeforeItsRefund();
    completeTask(caseNo, "retain", Map.of("retained", true, "retentionAmount", 15.0));

    int first = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("refund")
        .orderByProcessDefinitionVersion().asc().list().get(0).getVersion();
    assertThat(calledRefund(caseNo).getProcessDefinitionVersion()).isEqualTo(first);
    assertThat(caseView(caseNo).path("resolution").asText()).isEqualTo("RETAINED");
  }

  // --- helpers ---------------------------------------------------------------------------------------

  private static void clockAt(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  private ProcessDefinition newestRefund() {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("refund")
        .latestVersion().singleResult();
  }

  /** A delivered order returned for personal reasons: the case waits at 挽留客户, before its refund. */
  private String caseWaitingBeforeItsRefund() {
    String orderNo = newOrderNo();
    importDeliveredOrder(orderNo, "LJ-250", "西湖龙井 250g", "tea", "128.00", 2);
    String caseNo = openCaseThroughApi("""
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"PERSONAL","amount":128.00}""".formatted(orderNo));
    assertThat(task(caseNo, "retain")).isNotNull();
    return caseNo;
  }

  private HistoricProcessInstance calledRefund(String caseNo) {
    HistoricProcessInstance refund = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNo).processDefinitionKey("refund").singleResult();
    assertThat(refund).as("the refund " + caseNo + " called").isNotNull();
    assertThat(refund.getSuperProcessInstanceId()).isNotNull();
    return refund;
  }

  private String paymentStepName(HistoricProcessInstance refund) {
    HistoricActivityInstance paid = engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(refund.getId()).activityId("issueRefund").singleResult();
    assertThat(paid).as("the payment step of " + refund.getId()).isNotNull();
    return paid.getActivityName();
  }

  /**
   * refund.bpmn with its payment step renamed, deployed on its own with its form through /engine-rest as
   * analyst1, as Modeler's "Deploy current diagram" does.
   */
  private String analystDeploysChangedRefund() throws Exception {
    String diagram = Files.readString(Path.of("bpmn/refund.bpmn"));
    String changed = diagram.replace("<bpmn:serviceTask id=\"issueRefund\" name=\"退款\"",
        "<bpmn:serviceTask id=\"issueRefund\" name=\"" + CHANGED_STEP + "\"");
    assertThat(changed).isNotEqualTo(diagram);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("refund.bpmn", changed.getBytes(StandardCharsets.UTF_8));
    files.put("manager-approval.form", Files.readAllBytes(Path.of("forms/manager-approval.form")));

    String boundary = "----aftersales" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + "refund-changed\r\n").getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
          + "\"; filename=\"" + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.getValue());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(("analyst1:" + USER_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body()).path("id").asText();
  }
}
