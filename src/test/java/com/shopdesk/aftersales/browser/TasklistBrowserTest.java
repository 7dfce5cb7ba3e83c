package com.shopdesk.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Agents and warehouse staff working their tasks in Tasklist. */
class TasklistBrowserTest extends BrowserTest {

  @Test
  void anAgentSettlesAFailedInterceptionInTasklist() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "99.00", 1);
    String caseNo = post("/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"NO_REASON"}""".formatted(orderNo)).json()
        .path("caseNo").asText();
    runDueJobsOfCase(caseNo);
    post("/api/courier-events", """
        {"carrier":"ZTO","trackingNo":"ZT-%s","event":"INTERCEPT_FAILED","at":"%s"}""".formatted(orderNo,
        OffsetDateTime.now()));

    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    screenshot("tasklist-agent");
    openTask("客服待办", caseNo, "拦截失败，与买家协商");
    String form = page.locator(".fjs-form").innerText();
    assertThat(form).contains(caseNo).contains(orderNo).contains("ZT-" + orderNo).contains("拦截失败").contains("王小姐");
    screenshot("form-intercept-failed");
    choose("保留商品，撤销退款");
    completeTask();

    runDueJobsOfCase(caseNo);
    JsonNode view = caseView(caseNo);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("resolution").asText()).isEqualTo("CANCELLED");
    assertThat(view.path("handledBy").asText()).isEqualTo("agent1");
  }

  @Test
  void warehouseStaffInspectAReturnInTasklist() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "128.00", 1);
    String caseNo = post("/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"PERSONAL"}""".formatted(orderNo)).json()
        .path("caseNo").asText();
    var retain = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    engine.getTaskService().complete(retain.getId(), java.util.Map.of("retained", false));
    runDueJobsOfCase(caseNo); // the receipt extension, as the job executor would
    post("/api/cases/" + caseNo + "/return-shipment", """
        {"carrier":"YTO","trackingNo":"YT-%s","shippingFee":10.00}""".formatted(orderNo));
    post("/api/courier-events", """
        {"carrier":"YTO","trackingNo":"YT-%s","event":"DELIVERED","at":"%s"}""".formatted(orderNo, OffsetDateTime.now()));

    assertThat(login("tasklist", "wh1", USER_PASSWORD)).isTrue();
    openTask("仓库验货", caseNo, "退货验货");
    assertThat(page.locator(".fjs-form").innerText()).contains("YT-" + orderNo).contains("环球仓");
    choose("通过（商品正确");
    choose("可以，入库再次销售");
    screenshot("form-return-inspection");
    completeTask();

    runDueJobsOfCase(caseNo);
    JsonNode view = caseView(caseNo);
    assertThat(view.path("resolution").asText()).isEqualTo("REFUNDED");
    assertThat(view.path("disposition").asText()).isEqualTo("RESTOCK");
    assertThat(view.path("handledBy").asText()).isEqualTo("wh1");
  }

  @Test
  void anAgentCannotCompensateMoreThanTheCaseAndIsToldSoInChinese() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "300.00", 1);
    String caseNo = post("/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY","note":"壶盖有一道很长的裂纹，从边缘一直延伸到壶钮附近"}"""
        .formatted(orderNo)).json().path("caseNo").asText();
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));

    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    openTask("客服待办", caseNo, "协商补偿");
    choose("接受补偿，保留商品");
    page.locator(".fjs-form .fjs-form-field", new Page.LocatorOptions().setHasText("补偿金额")).first()
        .locator("input").first().fill("500");
    page.getByText("不能大于 300").first().waitFor();
    screenshot("form-compensation-too-much");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成").setExact(true))
        .isDisabled()).isTrue();
    assertThat(caseView(caseNo).path("refunds")).isEmpty();
  }

  @Test
  void anAgentWhoFirstTriedToRefuseWithoutAReasonCanStillAgree() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "300.00", 1);
    String caseNo = openRefundOnly(orderNo, "300.00").caseNo();
    runDueJobsOfCase(caseNo);

    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    openTask("客服待办", caseNo, "同意退款");
    choose("拒绝退款");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成").setExact(true)).click();
    page.getByText("必填").first().waitFor();
    page.locator(".page-notifications button.close:visible").first().click(); // Tasklist's notice stays until closed
    choose("同意退款");
    completeTask();

    runDueJobsOfCase(caseNo);
    assertThat(caseView(caseNo).path("resolution").asText()).isEqualTo("REFUNDED");
  }

  @Test
  void agentsCannotOpenCockpitOrAdmin() {
    assertThat(login("cockpit", "agent1", USER_PASSWORD)).isFalse();
    screenshot("cockpit-refuses-agent");
    assertThat(login("admin", "agent1", USER_PASSWORD)).isFalse();
    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
  }

  @Test
  void anAgentCorrectsAReasonChosenWrongFromTasklistsStartMenu() {
    String caseNo = returnCaseAt("retain");
    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();

    startCorrection(caseNo, "质量问题", "买家来电说明是茶盏有裂纹");
    screenshot("form-case-correction");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("启动").setExact(true)).click();
    page.getByText("流程已启动").first().waitFor();
    runDueJobsOfCase(caseNo);
    JsonNode view = caseView(caseNo);
    assertThat(view.path("reason").asText()).isEqualTo("QUALITY");
    assertThat(view.path("revisions").get(0).path("changedBy").asText()).isEqualTo("agent1");
    assertThat(task(caseNo, "reviewEvidence")).isNotNull();

    startCorrection(caseNo, "质量问题", "");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("启动").setExact(true)).click();
    page.getByText("已是「退货退款」、原因「质量问题」").first().waitFor();
    screenshot("form-case-correction-refused");
    assertThat(caseView(caseNo).path("revisions")).hasSize(1);
  }

  private void startCorrection(String caseNo, String reason, String note) {
    page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/");
    page.getByText("启动流程").first().click();
    page.getByText("修改售后申请").first().click();
    page.waitForSelector(".fjs-form");
    page.locator(".fjs-form-field-textfield input").first().fill(caseNo);
    assertThat(page.locator(".fjs-form-field-select", new Page.LocatorOptions().setHasText("改为申请类型")).first()
        .innerText()).as("a dropdown left empty says so in Chinese").contains("请选择").doesNotContain("Select");
    page.locator(".fjs-form-field-select", new Page.LocatorOptions().setHasText("改为原因")).first()
        .locator(".fjs-input-group").first().click();
    page.locator(".fjs-dropdownlist-item", new Page.LocatorOptions().setHasText(reason)).first().click();
    page.locator(".fjs-form-field-textarea textarea").first().fill(note);
  }
}
