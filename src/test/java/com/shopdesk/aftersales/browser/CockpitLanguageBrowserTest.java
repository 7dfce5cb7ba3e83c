package com.shopdesk.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import com.shopdesk.aftersales.cases.CaseIntake;
import org.junit.jupiter.api.Test;

/**
 * Cockpit and Admin speak the browser's language, as Tasklist does: Chinese for a browser set to Chinese (our
 * locales/zh.json), English for one set to English; and none of the three shows Camunda's "migrate to Camunda 8"
 * bar.
 */
class CockpitLanguageBrowserTest extends BrowserTest {

  @Test
  void aManagerReadsCockpitInChinese() {
    CaseIntake.Opened opened = refundStuckAtTheWarehouse("128.00");
    String instance = opened.processInstanceId();
    String definitionId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance)
        .singleResult().getProcessDefinitionId();

    assertThat(login("cockpit", "manager1", USER_PASSWORD)).isTrue();
    page.getByText("当前概况").waitFor();
    page.locator("[cam-widget-header]").getByText("人工任务").waitFor();
    assertShows("流程", "决策", "人工任务", "更多", "运行中的流程实例", "未解决的故障", "未完成的人工任务", "已部署",
        "流程定义", "决策定义", "部署");
    assertNoMigrationBar();
    screenshot("cockpit-dashboard-zh");

    open("cockpit", "#/processes");
    page.getByText("个流程定义已部署").waitFor();
    assertShows("运行中的实例", "故障", "名称", "拦截退款（未收货仅退款）");

    open("cockpit", "#/process-definition/" + definitionId + "/runtime");
    page.getByText("定义版本：").first().waitFor();
    assertShows("定义键：", "历史保留时间：", "运行中的实例：", "流程实例", "被调用的流程定义", "作业定义", "业务键");
    page.locator("tr", new Page.LocatorOptions().setHasText(opened.caseNo())).first().waitFor();

    open("cockpit", "#/process-instance/" + instance + "/runtime");
    page.getByText("实例 ID：").first().waitFor();
    assertShows("业务键：", "变量", "故障", "被调用的流程实例", "用户任务", "作业", "名称", "类型", "值", "作用域");
    page.waitForCondition(() -> page.locator("thead td.actions").first().innerText().trim().equals("操作"));
    page.locator(".null-value").filter(new Locator.FilterOptions().setHasText("空")).first().waitFor();

    tab("故障");
    page.getByText("仓库接口暂不可用").first().waitFor();
    assertShows("消息", "出错的活动", "根源流程实例 ID", "作业失败");
    assertNoMigrationBar();
    screenshot("cockpit-incidents-zh");
    tab("被调用的流程实例");
    page.getByText("没有被调用的流程实例").waitFor();
    tab("用户任务");
    page.getByText("没有用户任务").waitFor();
    assertThat(page.locator("body").innerText()).doesNotContain("Variables", "Incidents", "Called Process", "User Tasks",
        "Business Key", "Definition", "Actions", "Failed Job", "null");

    open("cockpit", "#/tasks");
    page.getByText("按类型分配").waitFor();
    assertShows("按用户组分配", "合计", "已指派给用户", "未分配");
    open("cockpit", "#/decisions");
    page.getByText("售后分流").waitFor();
    assertShows("名称", "租户 ID");
    page.getByText("个决策定义已部署").waitFor();
    open("cockpit", "#/repository");
    page.getByText("在列表中选择一个资源").waitFor();
    assertShows("部署时间", "时间：", "来源：");
  }

  @Test
  void theAdminReadsAdminInChinese() {
    assertThat(login("admin", ADMIN, ADMIN_PASSWORD)).isTrue();

    open("admin", "#/users");
    page.getByText("用户列表").first().waitFor();
    assertShows("添加用户", "邮箱", "编辑", "agent1");
    assertNoMigrationBar();
    open("admin", "#/groups");
    page.getByText("用户组列表").first().waitFor();
    assertShows("新建用户组", "类型", "客服");
    open("admin", "#/authorization?resource=0");
    page.getByText("新建授权").waitFor();
    assertShows("应用", "用户 / 用户组", "权限", "资源 ID", "允许", "managers");
    assertNoMigrationBar();
    screenshot("admin-authorizations-zh");
    open("admin", "#/users/manager1?tab=profile");
    page.getByText("编辑用户 张姐 主管").waitFor();
    assertShows("资料", "账号", "用户组", "租户", "名*", "姓*", "更新资料");
    open("admin", "#/system?section=system-settings-general");
    page.getByText("常规设置").waitFor();
    assertShows("常规", "诊断", "执行指标");
    page.getByText("正在运行").waitFor();
    assertThat(page.locator("body").innerText()).doesNotContain("Users", "Groups", "Authorizations", "Edit");
  }

  @Test
  void aBrowserSetToEnglishGetsEnglish() {
    useBrowserSetTo("en-US");
    assertThat(login("cockpit", "manager1", USER_PASSWORD)).isTrue();
    page.getByText("Right Now").waitFor();
    assertShows("Processes", "Decisions", "Human Tasks", "Running Process Instances", "Open Incidents", "Deployed");
    assertThat(page.locator("body").innerText()).doesNotContain("流程定义", "未解决的故障");
    assertNoMigrationBar();

    useBrowserSetTo("en-US");
    assertThat(login("admin", ADMIN, ADMIN_PASSWORD)).isTrue();
    open("admin", "#/users");
    page.getByText("List of Users").first().waitFor();
    assertShows("Add user", "Email", "Edit");
    open("admin", "#/authorization?resource=0");
    page.getByText("Create new authorization").waitFor();
    assertShows("User / Group", "Permissions", "Resource ID", "ALLOW");
  }

  @Test
  void tasklistAndTheWelcomePageShowNoMigrationBar() {
    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    page.getByText("客服待办").first().waitFor();
    assertNoMigrationBar();
    // the header's home menu leads here
    page.navigate("http://localhost:" + port + "/camunda/app/welcome/default/");
    page.locator("[cam-widget-header] .ce-eol-banner").first().waitFor(
        new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    assertNoMigrationBar();

    useBrowserSetTo("en-US");
    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    page.getByText("客服待办").first().waitFor();
    assertNoMigrationBar();
  }

  private void open(String app, String route) {
    page.navigate("http://localhost:" + port + "/camunda/app/" + app + "/default/" + route);
  }

  private void tab(String name) {
    page.locator(".nav-tabs a", new Page.LocatorOptions().setHasText(name)).first().click();
  }

  /** Each text is shown as a whole somewhere on the page (menus hold hidden copies of some). */
  private void assertShows(String... texts) {
    for (String text : texts) {
      page.getByText(text, new Page.GetByTextOptions().setExact(true))
          .filter(new Locator.FilterOptions().setVisible(true)).first().waitFor();
    }
  }

  /** Camunda 7.24 renders its red "time to migrate to Camunda 8" bar into every app's header; the desk hides it. */
  private void assertNoMigrationBar() {
    page.locator("[cam-widget-header]").first().waitFor();
    assertThat(page.locator(".ce-eol-banner").isVisible()).as("the migration bar").isFalse();
    assertThat(page.locator("body").innerText()).doesNotContain("Camunda 8");
  }
}
