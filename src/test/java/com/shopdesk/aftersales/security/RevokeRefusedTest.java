package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import org.junit.jupiter.api.Test;

/**
 * The engine reads grants only on this desk, so a revoke would be saved and shown in Admin yet take nothing away.
 * The admin's attempt to save one is refused, saying how to take a permission away, and nothing is saved.
 */
class RevokeRefusedTest extends AfterSalesTest {
  private static final String CREATE = "/engine-rest/authorization/create";

  private int authorizationsOf(String user) {
    return count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE USER_ID_ = ?", user);
  }

  @Test
  void theAdminCannotSaveARevokeThatWouldDoNothing() {
    int before = authorizationsOf("agent1");
    Response refused = post(CREATE, """
        {"type":2,"permissions":["READ"],"userId":"agent1","resourceType":7,"resourceId":"*"}""");

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).startsWith("type:").contains("REVOKE", "GRANT");
    assertThat(authorizationsOf("agent1")).isEqualTo(before);
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 2")).isZero();
  }

  @Test
  void aGrantIsSavedAsBefore() {
    Response saved = post(CREATE, """
        {"type":1,"permissions":["READ"],"userId":"agent2","resourceType":5,"resourceId":"no-such-filter"}""");
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    String id = saved.json().path("id").asText();
    assertThat(count("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE ID_ = ? AND TYPE_ = 1", id)).isOne();
    assertThat(send("DELETE", "/engine-rest/authorization/" + id, null, ADMIN, ADMIN_PASSWORD).status())
        .isEqualTo(204);
  }
}
