package com.shopdesk.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * Logging in and out of the webapps as the desk does: Tasklist's header without 启动流程 or 创建任务, another
 * user logging in from the same browser, and a login the throttle holds back.
 */
class TasklistHeaderBrowserTest extends BrowserTest {

  @Test
  void agentsSeeNeitherStartProcessNorCreateTask() {
    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    page.getByText("客服待办").first().waitFor();
    screenshot("tasklist-header-agent");

    assertHiddenButThere("li.start-process-action");
    assertHiddenButThere("li.create-task-action");
    assertThat(page.locator(".navbar, [cam-widget-header]").first().innerText())
        .contains("小王").doesNotContain("启动流程").doesNotContain("创建任务");
  }

  @Test
  void theAdminDoesNotSeeThemEither() {
    assertThat(login("tasklist", ADMIN, ADMIN_PASSWORD)).isTrue();
    assertHiddenButThere("li.start-process-action");
    assertHiddenButThere("li.create-task-action");
  }

  @Test
  void anotherUserLogsInFromTheSameBrowser() {
    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();
    logOut();
    assertThat(login("tasklist", "wh1", USER_PASSWORD)).isTrue();
    page.getByText("仓库验货").first().waitFor();
    assertThat(userMenu().innerText()).contains("老陈");

    logOut();
    assertThat(login("cockpit", "manager1", USER_PASSWORD)).isTrue();
    assertThat(userMenu().innerText()).contains("张姐");
    logOut();
    assertThat(login("cockpit", "analyst1", USER_PASSWORD)).isTrue();
    assertThat(userMenu().innerText()).contains("刘工");
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
