package com.shopdesk.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.shopdesk.aftersales.cases.CaseIntake;
import org.junit.jupiter.api.Test;

/** The managers' desk (售后工作台) in Cockpit, as a manager, an analyst and an agent meet it. */
class DeskBrowserTest extends BrowserTest {

  private String cockpit(String hash) {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/" + hash;
  }

  @Test
  void aManagerFindsAClosedCaseByItsNumberReadsItsStoryAndTheBoard() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "128.00", 1);
    CaseIntake.Opened closed = openRefundOnly(orderNo, "128.00");
    runDueJobs(closed.processInstanceId());
    String waitingOrder = newOrderNo();
    importOrder(waitingOrder, "UNSHIPPED", null, "500.00", 1);
    CaseIntake.Opened waiting = openRefundOnly(waitingOrder, "500.00");
    runDueJobs(waiting.processInstanceId());

    assertThat(login("cockpit", "manager1", USER_PASSWORD)).isTrue();
    page.getByText("售后工作台", new Page.GetByTextOptions().setExact(true)).first().click();
    Locator clocks = page.locator("[data-board=clocks]");
    clocks.waitFor();
    assertThat(clocks.innerText()).contains("未发货仅退款：24 小时内同意");
    assertThat(page.locator("[data-board=refunds]").innerText()).matches("已退款 \\d+ 笔，共 ¥[\\d.]+\\.\\d\\d");
    screenshot("desk-board");

    // the number of cases waiting for an agent to agree opens the list that holds the waiting case
    page.locator("[data-board=steps] tr", new Page.LocatorOptions().setHasText("同意退款"))
        .first().locator("a.desk-count").click();
    page.locator("[data-list=steps] a", new Page.LocatorOptions().setHasText(waiting.caseNo())).first().waitFor();

    page.navigate(cockpit("#/desk"));
    page.locator("[data-board=clocks]").waitFor();
    page.fill(".desk-search input", closed.caseNo());
    page.click(".desk-search button");
    page.locator("[data-list=search] a", new Page.LocatorOptions().setHasText(closed.caseNo())).first().click();
    Locator story = page.locator(".desk-story");
    story.waitFor();
    page.waitForSelector(".desk-diagram[data-marked]");
    assertThat(Integer.parseInt(page.locator(".desk-diagram").first().getAttribute("data-marked")))
        .as("steps of the closed case marked on its diagram").isGreaterThan(3);
    assertThat(page.locator(".desk-diagram .djs-element.desk-done").count()).isGreaterThan(3);
    assertThat(story.locator("h2").innerText()).contains(closed.caseNo()).contains("已结案").contains("已退款");
    assertThat(story.locator("[data-story=refunds]").innerText()).contains("¥128.00").contains("已退款");
    assertThat(story.locator("[data-story=timeline]").innerText()).contains("开单");
    screenshot("desk-story");
  }

  @Test
  void anAnalystSeesNoDeskAndAnAgentCannotOpenCockpit() {
    assertThat(login("cockpit", "analyst1", USER_PASSWORD)).isTrue();
    page.locator("[cam-widget-header] a[href='#/processes']").first().waitFor();
    page.waitForTimeout(1_000); // the desk's entry asks the server whether to show itself
    assertThat(page.locator("a.desk-navigation").count()).as("no 售后工作台 in the analyst's menu").isZero();
    page.navigate(cockpit("#/desk"));
    page.getByText("售后工作台只对主管开放。").waitFor();
    assertThat(page.locator("[data-board]").count()).isZero();
    screenshot("desk-analyst-refused");

    page.context().clearCookies();
    assertThat(login("cockpit", "agent1", USER_PASSWORD)).as("agents have no Cockpit").isFalse();
  }
}
