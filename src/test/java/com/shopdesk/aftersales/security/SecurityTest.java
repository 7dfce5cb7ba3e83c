package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

/** Who may do what, checked as each person would try it over HTTP. */
class SecurityTest extends AfterSalesTest {

  @Test
  void productAndEngineApisNeedAValidPassword() {
    try {
      for (String path : new String[] {"/api/cases", "/engine-rest/task"}) {
        assertThat(send("GET", path, null, null, null).status()).as(path + " anonymous").isEqualTo(401);
        assertThat(send("GET", path, null, "manager1", "wrong").status()).as(path + " wrong password").isEqualTo(401);
        assertThat(send("GET", path, null, ADMIN, ADMIN_PASSWORD).status()).as(path + " admin").isEqualTo(200);
      }
    } finally {
      // the engine locks an account for a few seconds after wrong passwords; the tests after this one log in as manager1
      engine.getIdentityService().unlockUser("manager1");
    }
  }

  @Test
  void theProductApiIsForTheDeskNotForEveryUser() {
    assertThat(send("GET", "/api/cases", null, "agent1", USER_PASSWORD).status()).isEqualTo(200);
    assertThat(send("GET", "/api/cases", null, "manager1", USER_PASSWORD).status()).isEqualTo(200);
    assertThat(send("GET", "/api/cases", null, "analyst1", USER_PASSWORD).status()).isEqualTo(403);
    assertThat(send("GET", "/api/cases", null, "wh1", USER_PASSWORD).status()).isEqualTo(403);
  }

  @Test
  void aRefusedCallWritesNothing() {
    int before = count("SELECT COUNT(*) FROM orders");
    Response r = send("POST", "/api/orders", orderJson(newOrderNo(), "UNSHIPPED", null, "1.00", 1), null, null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(count("SELECT COUNT(*) FROM orders")).isEqualTo(before);
  }

  @Test
  void theAdminFirstRunSetupIsRefused() {
    Response r = send("POST", "/camunda/api/admin/setup/default/user/create",
        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}", null, null);
    assertThat(r.status()).isEqualTo(403);
    assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void expressionsInTaskQueriesAreRefused() {
    Response adhoc = send("GET", "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", null,
        ADMIN, ADMIN_PASSWORD);
    Response stored = send("POST", "/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"evil\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}",
        ADMIN, ADMIN_PASSWORD);

    assertThat(adhoc.status()).isEqualTo(400);
    assertThat(adhoc.body()).contains("Expressions are not allowed");
    assertThat(stored.status()).isEqualTo(400);
    assertThat(engine.getFilterService().createFilterQuery().filterName("evil").count()).isZero();
  }

  @Test
  void analystsDeployButAgentsCannot() throws Exception {
    assertThat(deploy("agent1").statusCode()).isEqualTo(403);
    HttpResponse<String> analyst = deploy("analyst1");
    assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(200);
  }

  @Test
  void eachGroupGetsTheWebappsItNeeds() {
    var auth = engine.getAuthorizationService();
    assertThat(auth.isUserAuthorized("agent1", java.util.List.of("agents"), Permissions.ACCESS, Resources.APPLICATION,
        "tasklist")).isTrue();
    assertThat(auth.isUserAuthorized("agent1", java.util.List.of("agents"), Permissions.ACCESS, Resources.APPLICATION,
        "cockpit")).isFalse();
    assertThat(auth.isUserAuthorized("agent1", java.util.List.of("agents"), Permissions.ACCESS, Resources.APPLICATION,
        "admin")).isFalse();
    assertThat(auth.isUserAuthorized("manager1", java.util.List.of("managers"), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(engine.getFilterService().createFilterQuery().filterName("客服待办").count()).isEqualTo(1);
  }

  private HttpResponse<String> deploy(String user) throws Exception {
    String boundary = "----aftersales" + System.nanoTime();
    byte[] dmn = Files.readAllBytes(Path.of("bpmn/after-sales-routing.dmn"));
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nby-" + user
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"after-sales-routing.dmn\""
        + "\r\nContent-Type: application/octet-stream\r\n\r\n";
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), dmn, tail);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + USER_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) n += p.length;
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
