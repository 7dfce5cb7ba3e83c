package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logins are remembered for a while (security/login/CredentialCache), but never past a change: a new password,
 * a removed membership or a deleted user counts from the next request, on the product API and on the engine
 * REST API alike, and a wrong password is never let in because a right one was remembered.
 */
class CredentialCacheTest extends AfterSalesTest {
  private static final String OLD = "old-pass-1";
  private IdentityService identity;
  private String user;

  @BeforeEach
  void deskAgent() {
    identity = engine.getIdentityService();
    user = "cache" + System.nanoTime() % 1_000_000;
    User agent = identity.newUser(user);
    agent.setPassword(OLD);
    identity.saveUser(agent);
    identity.createMembership(user, DeskGroups.AGENTS);
  }

  @AfterEach
  void removeAgent() {
    identity.deleteUser(user);
  }

  private int api(String password) {
    return send("GET", "/api/cases?limit=1", null, user, password).status();
  }

  private int engineRest(String password) {
    return send("GET", "/engine-rest/task?maxResults=1", null, user, password).status();
  }

  @Test
  void aRememberedPasswordLetsNoOtherPasswordIn() {
    assertThat(api(OLD)).isEqualTo(200);
    assertThat(engineRest(OLD)).isEqualTo(200);
    assertThat(api(OLD + "x")).isEqualTo(401);
    assertThat(engineRest("")).isEqualTo(401);
    assertThat(api(OLD)).as("the right password after a wrong one").isEqualTo(200);
  }

  @Test
  void aChangedPasswordCountsFromTheNextRequest() {
    assertThat(api(OLD)).isEqualTo(200);
    assertThat(engineRest(OLD)).isEqualTo(200);

    User agent = identity.createUserQuery().userId(user).singleResult();
    agent.setPassword("new-pass-2");
    identity.saveUser(agent);

    assertThat(api(OLD)).isEqualTo(401);
    assertThat(engineRest(OLD)).isEqualTo(401);
    assertThat(api("new-pass-2")).isEqualTo(200);
    assertThat(engineRest("new-pass-2")).isEqualTo(200);
  }

  @Test
  void aRemovedMembershipCountsFromTheNextRequest() {
    assertThat(api(OLD)).isEqualTo(200);
    assertThat(send("GET", "/engine-rest/filter?resourceType=Task", null, user, OLD).body()).contains("客服待办");

    identity.deleteMembership(user, DeskGroups.AGENTS);

    assertThat(api(OLD)).as("the product API is for desk groups").isEqualTo(403);
    assertThat(send("GET", "/engine-rest/filter?resourceType=Task", null, user, OLD).body())
        .as("the agents' filter is granted to the group").doesNotContain("客服待办");
  }

  @Test
  void aDeletedUserIsOutAtOnce() {
    assertThat(api(OLD)).isEqualTo(200);
    assertThat(engineRest(OLD)).isEqualTo(200);

    identity.deleteUser(user);

    assertThat(api(OLD)).isEqualTo(401);
    assertThat(engineRest(OLD)).isEqualTo(401);
  }
}
