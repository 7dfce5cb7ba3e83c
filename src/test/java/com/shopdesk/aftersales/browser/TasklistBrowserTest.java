package com.shopdesk.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.OffsetDateTime;
import java.util.List;
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
    openTask("客服待办", caseNo, "包裹未能退回，与买家协商");
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
  void aTaskCardShowsTheCaseOrderAndAmountReadablyAndNoBarePriority() {
    String caseNo = returnCaseAt("retain");
    String orderNo = caseView(caseNo).path("orderNo").asText();
    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    Locator card = caseCards("客服待办", caseNo).filter(new Locator.FilterOptions().setHasText("挽留客户")).first();
    card.locator(".variable-value", new Locator.LocatorOptions().setHasText(caseNo)).waitFor();
    screenshot("tasklist-card");

    assertThat(card.innerText().split("\\s+")).as("the task priority nobody sets").doesNotContain("50")
        .contains("挽留客户");
    for (String value : List.of(caseNo, orderNo, "¥128.00")) {
      Locator shown = card.locator(".variable-value", new Locator.LocatorOptions().setHasText(value)).first();
      assertThat(unobstructed(shown)).as(value + " shown whole, nothing faded over it").isTrue();
      assertThat(contrastOnWhite(shown)).as(value + " in a dark colour, not light grey").isGreaterThanOrEqualTo(7);
    }
  }

  @Test
  void anAmountOnAFormShowsItsTwoDecimals() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "128.00", 1);
    String caseNo = openCaseThroughApi("""
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"PRICE_DIFFERENCE","items":[{"sku":"LJ-250","quantity":1}],
         "amount":128}""".formatted(orderNo));
    runDueJobsOfCase(caseNo);

    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    openTask("客服待办", caseNo, "审核仅退款");
    choose("同意");
    Locator amount = page.locator(".fjs-form .fjs-form-field-number", new Page.LocatorOptions().setHasText("退款金额"))
        .first().locator("input").first();
    page.waitForCondition(() -> "128.00".equals(amount.inputValue()));
    amount.fill("100");
    amount.press("Tab");
    page.waitForCondition(() -> "100.00".equals(amount.inputValue()));
    amount.fill("200");
    amount.press("Tab");
    page.getByText("不能大于 128.00").first().waitFor();
    screenshot("form-money-refund-amount");
    amount.fill("99.5");
    amount.press("Tab");
    page.waitForCondition(() -> "99.50".equals(amount.inputValue()));
    completeTask();

    runDueJobsOfCase(caseNo);
    JsonNode view = caseView(caseNo);
    assertThat(view.path("resolution").asText()).isEqualTo("REFUNDED");
    assertThat(view.path("refunds").get(0).path("amount").decimalValue()).isEqualByComparingTo("99.50");
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
    // one question on the goods: whether they can be resold, answered with where they go
    Locator questions = page.locator(".fjs-form .fjs-form-field-radio");
    page.waitForCondition(() -> questions.count() == 2);
    assertThat(questions.allInnerTexts()).satisfiesExactly(
        passed -> assertThat(passed).startsWith("验货结果"),
        resale -> assertThat(resale).startsWith("能否二次销售").contains("可以，入库再次销售").contains("不可以，返修")
            .contains("不可以，报废"));
    assertThat(page.locator(".fjs-form").innerText()).doesNotContain("退回商品去向");
    choose("可以，入库再次销售");
    screenshot("form-return-inspection");
    completeTask();

    runDueJobsOfCase(caseNo);
    JsonNode view = caseView(caseNo);
    assertThat(view.path("resolution").asText()).isEqualTo("REFUNDED");
    assertThat(view.path("disposition").asText()).isEqualTo("RESTOCK");
    assertThat(view.path("handledBy").asText()).isEqualTo("wh1");
    assertThat(historicVariable(caseNo, "return-receipt", "resaleable")).isEqualTo(true);
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
    page.locator(".fjs-form .fjs-form-field-number", new Page.LocatorOptions().setHasText("补偿金额")).first()
        .locator("input").first().fill("500");
    page.getByText("不能大于 300.00").first().waitFor();
    screenshot("form-compensation-too-much");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成").setExact(true))
        .isDisabled()).isTrue();
    assertThat(caseView(caseNo).path("refunds")).isEmpty();
  }

  @Test
  void choosingNoCompensationHidesTheAmountAndTheCaseGoesOnToTheReturn() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "300.00", 1);
    String caseNo = post("/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY"}""".formatted(orderNo)).json()
        .path("caseNo").asText();
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
    Object suggested = engine.getTaskService().getVariable(task(caseNo, "negotiateCompensation").getId(),
        "compensationAmount");

    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    openTask("客服待办", caseNo, "协商补偿");
    Locator amountField = page.locator(".fjs-form .fjs-form-field-number", new Page.LocatorOptions().setHasText("补偿金额"));
    assertThat(amountField.first().locator("input").first().inputValue()).as("the suggestion, as money")
        .matches("\\d+\\.\\d{2}");
    amountField.first().locator("input").first().fill("500"); // too much, then the buyer says no anyway
    page.getByText("不能大于 300.00").first().waitFor();
    choose("不接受补偿");
    page.waitForCondition(() -> amountField.count() == 0);
    assertThat(page.locator(".fjs-form").innerText()).doesNotContain("补偿金额").doesNotContain("不能大于");
    choose("退货退款");
    screenshot("form-compensation-declined");
    completeTask();

    runDueJobsOfCase(caseNo);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("return-receipt").count()).as("the buyer is sent the return address").isEqualTo(1);
    JsonNode view = caseView(caseNo);
    assertThat(view.path("refunds")).isEmpty();
    assertThat(view.path("status").asText()).isNotEqualTo("CLOSED");
    String parent = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("return-refund").singleResult().getId();
    assertThat(engine.getRuntimeService().getVariable(parent, "compensationAmount")).as("the typed 500 was not sent")
        .isEqualTo(suggested);
  }

  @Test
  void aValidationMessageLeavesTheFieldAndCompleteInSightOnADesktopScreen() {
    validationMessagesLeaveTheFormInSight(1400, 1000);
  }

  @Test
  void aValidationMessageLeavesTheFieldAndCompleteInSightOnALaptopScreen() {
    validationMessagesLeaveTheFormInSight(1280, 720);
  }

  private void validationMessagesLeaveTheFormInSight(int width, int height) {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "300.00", 1);
    String caseNo = post("/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY"}""".formatted(orderNo)).json()
        .path("caseNo").asText();
    completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
    page.setViewportSize(width, height);
    String size = width + "x" + height;
    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    openTask("客服待办", caseNo, "协商补偿");
    Locator complete = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成").setExact(true));

    // 完成 without the buyer's answer: the form says 必填 under the question, and Tasklist adds its notice
    complete.scrollIntoViewIfNeeded();
    complete.click();
    Locator notice = page.locator(".page-notifications .alert", new Page.LocatorOptions().setHasText("提交任务表单时出错"));
    notice.first().waitFor();
    Locator question = page.locator(".fjs-form .fjs-form-field-radio", new Page.LocatorOptions().setHasText("买家是否接受补偿"))
        .first();
    question.locator(".fjs-form-field-error").waitFor();
    screenshot("form-required-" + size);
    assertThat(unobstructed(complete)).as(size + ": 完成 stays in sight when the messages appear").isTrue();
    question.locator(".fjs-form-field-error").scrollIntoViewIfNeeded();
    assertThat(unobstructed(question.locator(".fjs-form-field-error"))).as(size + ": 必填").isTrue();
    assertThat(unobstructed(question.locator("label", new Locator.LocatorOptions().setHasText("不接受补偿"))))
        .as(size + ": the choices").isTrue();

    // an amount above the case: 完成 is disabled, and the amount, its message and 完成 are still to be seen
    choose("接受补偿，保留商品");
    Locator amountField = page.locator(".fjs-form .fjs-form-field-number", new Page.LocatorOptions().setHasText("补偿金额"))
        .first();
    amountField.locator("input").first().fill("500");
    page.getByText("不能大于 300.00").first().waitFor();
    amountField.scrollIntoViewIfNeeded();
    screenshot("form-too-much-" + size);
    assertThat(notice.first().isVisible()).as(size + ": Tasklist's notice stays until closed").isTrue();
    assertThat(unobstructed(amountField)).as(size + ": the amount and its message, beside the notice").isTrue();
    complete.scrollIntoViewIfNeeded();
    assertThat(complete.isDisabled()).isTrue();
    assertThat(unobstructed(complete)).as(size + ": 完成, disabled").isTrue();
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
