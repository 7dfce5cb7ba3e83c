package com.shopdesk.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * Logging in and out of the webapps as the desk does: Tasklist's header offers 启动流程 only to those who may start
 * 修改售后申请 and 创建任务 to nobody, another user logging in from the same browser, and a login the throttle
 * holds back.
 */
class TasklistHeaderBrowserTest extends BrowserTest {

  @Test
  void agentsMayStartOnlyTheCorrectionAndCreateNoTask() {
    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    page.getByText("客服待办").first().waitFor();
    assertThat(startableInDialog()).containsExactly("修改售后申请");
    screenshot("tasklist-start-process-agent");
    assertHiddenButThere("li.create-task-action");
  }

  @Test
  void warehouseStaffAreNotOfferedAnEmptyStartDialog() {
    assertThat(login("tasklist", "wh1", USER_PASSWORD)).isTrue();
    page.getByText("仓库验货").first().waitFor();
    // the offer is decided once the engine has answered what wh1 may start
    page.waitForResponse(r -> r.url().contains("startablePermissionCheck=true"), () -> page.reload());
    page.getByText("仓库验货").first().waitFor();
    assertHiddenButThere("li.start-process-action");
    assertHiddenButThere("li.create-task-action");
  }

  @Test
  void theAdminIsOfferedTheCorrectionOnlyAsWell() {
    assertThat(login("tasklist", ADMIN, ADMIN_PASSWORD)).isTrue();
    assertThat(startableInDialog()).containsExactly("修改售后申请");
    assertHiddenButThere("li.create-task-action");
  }

  /** Opens 启动流程 and lists the processes it offers. */
  private java.util.List<String> startableInDialog() {
    page.locator("li.start-process-action.desk-may-start").first().waitFor();
    page.getByText("启动流程").first().click();
    page.locator(".modal-body").getByText("修改售后申请").first().waitFor();
    java.util.List<String> offered = page.locator(".modal-body li a, .modal-body tr td a").allInnerTexts()
        .stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    page.keyboard().press("Escape");
    return offered;
  }

  @Test
  void anotherUserLogsInFromTheSameBrowser() {
    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    page.locator("li.start-process-action.desk-may-start").first().waitFor();
    logOut();
    assertThat(login("tasklist", "wh1", USER_PASSWORD)).isTrue();
    page.getByText("仓库验货").first().waitFor();
    showsUser("老陈");
    page.waitForCondition(() -> !page.locator("li.start-process-action").first().isVisible());

    logOut();
    assertThat(login("cockpit", "manager1", USER_PASSWORD)).isTrue();
    showsUser("张姐");
    logOut();
    assertThat(login("cockpit", "analyst1", USER_PASSWORD)).isTrue();
    showsUser("刘工");
  }

  @Test
  void aThrottledLoginShowsAsAFailedLoginThatSaysHowLongToWait() {
    String user = "nobody" + System.nanoTime(); // nobody else's login is held back from this browser
    ClockUtil.setCurrentTime(new Date()); // the wait (1 s at first) must not pass while the page loads
    for (int guess = 0; guess < 5; guess++) {
      assertThat(login("tasklist", user, "guess-" + guess)).isFalse();
      assertThat(page.locator(".page-notifications").innerText()).doesNotContain("秒后再试");
    }

    assertThat(login("tasklist", user, "one-more")).isFalse();
    page.getByText("秒后再试").first().waitFor();
    screenshot("tasklist-login-throttled");
    assertThat(page.locator(".page-notifications").innerText()).contains("登录失败").contains("密码错误次数太多");
  }

  private void assertHiddenButThere(String selector) {
    // Tasklist renders the action (the stylesheet hides it), so waiting for it proves the header is complete
    page.locator(selector).first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
    assertThat(page.locator(selector).first().isVisible()).as(selector).isFalse();
  }

  /** The user menu names who is logged in, once the webapp has loaded their profile (the id shows until then). */
  private void showsUser(String name) {
    page.waitForCondition(() -> userMenu().innerText().contains(name));
  }

  private Locator userMenu() {
    Locator menu = page.locator("li.account .dropdown-toggle").first();
    menu.waitFor();
    return menu;
  }

  private void logOut() {
    userMenu().click();
    page.locator("li.logout a").first().click();
    page.waitForSelector("input[type=password]");
  }
}
