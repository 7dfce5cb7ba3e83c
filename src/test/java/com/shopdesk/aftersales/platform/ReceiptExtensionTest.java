package com.shopdesk.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.sandbox.SandboxOutages;
import com.shopdesk.aftersales.sandbox.SandboxPlatform;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * When a return or exchange is agreed on an order the buyer has not confirmed, the platform extends the buyer's
 * confirm-receipt time by 10 days (延长收货), once per order, and the order records it.
 */
class ReceiptExtensionTest extends AfterSalesTest {
  @Autowired SandboxPlatform platform;

  @AfterEach
  void platformUp() {
    outages.up(SandboxOutages.SandboxSystem.PLATFORM);
  }

  private String order(Boolean confirmed) {
    return importTwoLineOrder(confirmed == null ? "" : ",\"receiptConfirmed\":" + confirmed);
  }

  private String returnAgreed(String orderNo, String sku) {
    String caseNo = openCaseThroughApi("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RETURN_REFUND\","
        + "\"reason\":\"PERSONAL\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
    runDueJobsOfCase(caseNo);
    completeTask(caseNo, "retain", Map.of("retained", false));
    return caseNo;
  }

  @Test
  void anAgreedReturnExtendsAnUnconfirmedOrderOnceAndTheOrderSaysSo() {
    String orderNo = order(null);
    String first = returnAgreed(orderNo, "LJ-250");
    assertThat(platform.extendedDays(orderNo)).containsExactly(10);
    JsonNode view = get("/api/orders/" + orderNo).json();
    assertThat(view.path("receiptExtension").path("days").asInt()).isEqualTo(10);
    assertThat(view.path("receiptExtension").path("at").asText()).isNotBlank();
    assertThat(caseView(first).path("timeline").toString()).contains("已在平台为买家延长收货 10 天");

    String second = returnAgreed(orderNo, "BY-1");
    assertThat(platform.extendedDays(orderNo)).as("once per order").containsExactly(10);
    assertThat(caseView(second).path("timeline").toString()).doesNotContain("延长收货");
    assertThat(buyerMessages(second)).as("the return goes on").contains("将商品寄回");
  }

  @Test
  void anAgreedExchangeExtendsToo() {
    String orderNo = order(false);
    String caseNo = openCaseThroughApi("{\"orderNo\":\"" + orderNo + "\",\"request\":\"EXCHANGE\","
        + "\"reason\":\"PERSONAL\",\"items\":[{\"sku\":\"LJ-250\",\"quantity\":1}]}");
    runDueJobsOfCase(caseNo);
    assertThat(platform.extendedDays(orderNo)).containsExactly(10);
  }

  @Test
  void aConfirmedOrderAndAnUnagreedReturnAreNotExtended() {
    String confirmed = order(true);
    returnAgreed(confirmed, "LJ-250");
    assertThat(platform.extendedDays(confirmed)).isEmpty();
    assertThat(get("/api/orders/" + confirmed).json().has("receiptExtension")).isFalse();

    String retained = order(null);
    String caseNo = openCaseThroughApi("{\"orderNo\":\"" + retained + "\",\"request\":\"RETURN_REFUND\","
        + "\"reason\":\"PERSONAL\"}");
    runDueJobsOfCase(caseNo);
    assertThat(platform.extendedDays(retained)).as("nothing agreed yet: the retention attempt runs").isEmpty();
  }

  @Test
  void aPlatformOutageIsAnIncidentAManagerRetries() {
    String orderNo = order(null);
    outages.down(SandboxOutages.SandboxSystem.PLATFORM, "平台维护");
    String caseNo = openCaseThroughApi("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RETURN_REFUND\","
        + "\"reason\":\"PERSONAL\"}");
    runDueJobsOfCase(caseNo);
    BpmnAwareTests.complete(task(caseNo, "retain"), Map.of("retained", false));
    String receipt = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("return-receipt").singleResult().getId();
    Job job = engine.getManagementService().createJobQuery().processInstanceId(receipt).activityId("extendReceipt")
        .singleResult();
    for (int attempt = 0; attempt < 5 && engine.getManagementService().createJobQuery().jobId(job.getId())
        .singleResult().getRetries() > 0; attempt++) {
      try {
        engine.getManagementService().executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the platform is down: the job keeps its place and counts down its retries
      }
    }
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(receipt).singleResult();
    assertThat(incident).as("an incident for Cockpit").isNotNull();
    assertThat(incident.getIncidentMessage()).contains("平台接口暂不可用");
    assertThat(platform.extendedDays(orderNo)).isEmpty();

    outages.up(SandboxOutages.SandboxSystem.PLATFORM);
    engine.getManagementService().setJobRetries(job.getId(), 1); // "retry" in Cockpit
    engine.getManagementService().executeJob(job.getId()); // as the job executor does once it is due
    runDueJobsOfCase(caseNo);
    assertThat(platform.extendedDays(orderNo)).containsExactly(10);
    assertThat(buyerMessages(caseNo)).contains("将商品寄回");
  }
}
