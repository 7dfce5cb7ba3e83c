package com.shopdesk.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.shopdesk.aftersales.cases.CaseIntake;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/** A manager in Cockpit: finding a case by its number and retrying a failed call to another system. */
class CockpitBrowserTest extends BrowserTest {
  @Test
  void aManagerFindsTheCaseAndRetriesItsIncident() {
    CaseIntake.Opened opened = refundStuckAtTheWarehouse("128.00");

    assertThat(login("cockpit", "manager1", USER_PASSWORD)).isTrue();
    String definitionId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(opened.processInstanceId()).singleResult().getProcessDefinitionId();
    page.navigate("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/" + definitionId
        + "/runtime");
    page.locator("tr", new Page.LocatorOptions().setHasText(opened.caseNo())).first().waitFor();
    screenshot("cockpit-instances");
    page.locator("tr", new Page.LocatorOptions().setHasText(opened.caseNo())).first().locator("a").first().click();
    page.getByText("故障", new Page.GetByTextOptions().setExact(true)).first().click();
    page.getByText("仓库接口暂不可用").first().waitFor();
    screenshot("cockpit-incident");

    page.locator("a[ng-click='openJobRetryDialog(incident)']").first().click();
    page.locator("button[ng-click='incrementRetry()']").click();
    page.getByText("已增加所选故障对应的失败作业的重试次数").first().waitFor();

    Job job = engine.getManagementService().createJobQuery().processInstanceId(opened.processInstanceId())
        .singleResult();
    assertThat(job.getRetries()).as("Cockpit gave the job its retries back").isPositive();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(opened.processInstanceId()).count())
        .isZero();
    engine.getManagementService().executeJob(job.getId());
    runDueJobs(opened.processInstanceId());
    assertThat(caseView(opened.caseNo()).path("resolution").asText()).isEqualTo("REFUNDED");
  }
}
