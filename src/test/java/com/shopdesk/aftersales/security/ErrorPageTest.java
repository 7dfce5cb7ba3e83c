package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Every refusal a browser meets is a short Chinese page with the way back to Tasklist, never Spring's
 * Whitelabel page or an empty page; API clients keep their JSON (or bare status) as before.
 */
class ErrorPageTest extends AfterSalesTest {
  private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final String API_CLIENT = "application/json";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theAdminSetupEndpointRefusesABrowserWithAChinesePageAndCreatesNobody() throws Exception {
    HttpResponse<String> get = request("GET", "/camunda/api/admin/setup/default/user/create", BROWSER, null, null);
    HttpResponse<String> post = request("POST", "/camunda/api/admin/setup/default/user/create", BROWSER, null,
        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}");

    assertDeskPage(get, 403, "没有权限");
    assertDeskPage(post, 403, "没有权限");
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void aWrongAddressIsAChinesePage() throws Exception {
    assertDeskPage(request("GET", "/no-such-page", BROWSER, null, null), 404, "页面不存在");
  }

  @Test
  void theApisWithoutLoginAskABrowserToLogInInChinese() throws Exception {
    HttpResponse<String> engineRest = request("GET", "/engine-rest/task", BROWSER, null, null);
    HttpResponse<String> productApi = request("GET", "/api/cases", BROWSER, null, null);

    assertDeskPage(engineRest, 401, "需要登录");
    assertThat(engineRest.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertDeskPage(productApi, 401, "需要登录");
  }

  @Test
  void aMethodTheAddressDoesNotTakeIsAChinesePage() throws Exception {
    assertDeskPage(request("PUT", "/engine-rest/version", BROWSER, "agent1", null), 405, "不能这样操作");
  }

  @Test
  void aServerErrorIsAChinesePage() throws Exception {
    // Camunda's webapp fails with a NullPointerException on an engine name it does not know
    assertDeskPage(request("GET", "/camunda/app/tasklist/no-such-engine/", BROWSER, null, null), 500, "系统出错了");
  }

  @Test
  void apiClientsKeepTheirAnswers() throws Exception {
    HttpResponse<String> unknown = request("GET", "/no-such-page", API_CLIENT, null, null);
    HttpResponse<String> productApi = request("GET", "/api/cases", API_CLIENT, null, null);
    HttpResponse<String> engineRest = request("GET", "/engine-rest/task", API_CLIENT, null, null);
    HttpResponse<String> missingCase = request("GET", "/api/cases/AS00000000-000000", API_CLIENT, "agent1", null);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).path("status").asInt()).isEqualTo(404);
    assertThat(productApi.statusCode()).isEqualTo(401);
    assertThat(json(productApi).path("status").asInt()).isEqualTo(401);
    assertThat(engineRest.statusCode()).isEqualTo(401);
    assertThat(engineRest.body()).isEmpty();
    assertThat(missingCase.statusCode()).isEqualTo(404);
    assertThat(missingCase.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
  }

  private void assertDeskPage(HttpResponse<String> response, int status, String title) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(response.body())
        .contains("<html lang=\"zh-CN\">")
        .contains("<h1>" + title + "</h1>")
        .contains("href=\"/camunda/app/tasklist/\"").contains("返回任务列表")
        .contains("错误代码 " + status)
        .doesNotContain("Whitelabel");
  }

  private HttpResponse<String> request(String method, String path, String accept, String user, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + USER_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private com.fasterxml.jackson.databind.JsonNode json(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }
}
