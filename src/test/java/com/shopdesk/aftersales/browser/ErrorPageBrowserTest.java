package com.shopdesk.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Route;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a browser shows where the desk refuses: a short Chinese page and the way back to Tasklist. */
class ErrorPageBrowserTest extends BrowserTest {

  @Test
  void anAgentRefusedTheAdminSetupGetsAChinesePageAndFindsTheWayBack() {
    assertThat(login("tasklist", "agent1", USER_PASSWORD)).isTrue();

    assertThat(page.navigate(url("/camunda/api/admin/setup/default/user/create")).status()).isEqualTo(403);
    assertDeskPage("没有权限");
    screenshot("error-page-403");

    page.getByText("返回任务列表").click();
    page.getByText("客服待办").first().waitFor();
  }

  @Test
  void aWrongAddressIsAChinesePage() {
    assertThat(page.navigate(url("/camunda/app/tasklist/default/cases.html")).status()).isEqualTo(404);
    assertDeskPage("页面不存在");
    screenshot("error-page-404");
  }

  @Test
  void theEngineRestApiWithoutLoginIsAChinesePage() {
    // a browser first offers its login dialog; cancelled, it shows the page (headless Chromium would fail
    // the navigation instead, so the challenge is taken off the response)
    page.route("**/engine-rest/task", route -> {
      APIResponse challenge = route.fetch();
      Map<String, String> headers = new HashMap<>(challenge.headers());
      assertThat(headers.remove("www-authenticate")).startsWith("Basic");
      route.fulfill(new Route.FulfillOptions().setResponse(challenge).setHeaders(headers));
    });
    assertThat(page.navigate(url("/engine-rest/task")).status()).isEqualTo(401);
    assertDeskPage("需要登录");
    screenshot("error-page-401");
  }

  private void assertDeskPage(String title) {
    assertThat(page.locator("h1").innerText()).isEqualTo(title);
    assertThat(page.title()).contains(title);
    assertThat(page.locator("body").innerText()).contains("返回任务列表").doesNotContain("Whitelabel");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
