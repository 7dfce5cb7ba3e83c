package com.shopdesk.aftersales.security;

import static com.shopdesk.aftersales.security.LoopbackClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.security.LoopbackClient.Reply;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stranger at 127.0.0.2 guessing desk members' passwords: slowed down more with every wrong guess, on
 * every way in (product API, engine REST API, the webapps' login form), while the member logs in from
 * 127.0.0.1 at once and no account is ever locked. The engine's clock is frozen and moved by hand.
 */
class LoginThrottleTest extends AfterSalesTest {
  private static final int FREE_GUESSES = 5;
  private LoopbackClient stranger;
  private long now;

  @BeforeEach
  void freezeClock() throws Exception {
    stranger = new LoopbackClient("127.0.0.2", port);
    now = System.currentTimeMillis();
    ClockUtil.setCurrentTime(new Date(now));
  }

  @Test
  void aStrangerIsSlowedDownMoreAndMoreWhileTheUserLogsInFromElsewhere() throws Exception {
    for (int guess = 1; guess <= FREE_GUESSES; guess++) {
      assertThat(guess("agent2", guess).status()).as("guess " + guess).isEqualTo(401);
    }
    Reply refused = stranger.get("/api/cases", basic("agent2", "guess-6"));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.body()).contains("密码错误次数太多，请 1 秒后再试");
    assertThat(send("GET", "/api/cases?limit=1", null, "agent2", USER_PASSWORD).status())
        .as("agent2 from another address, at once").isEqualTo(200);

    // every further wrong guess doubles the wait, up to a minute; Camunda would have locked agent2 for good
    // after 10, and the wait applies to each way in
    int guesses = FREE_GUESSES;
    for (long expectedWait : List.of(2L, 4L, 8L, 16L, 32L, 60L, 60L)) {
      long previousWait = Long.parseLong(stranger.get("/api/cases", basic("agent2", "early")).header("Retry-After"));
      passSeconds(previousWait);
      assertThat(guess("agent2", ++guesses).status()).as("guess " + guesses).isEqualTo(401);
      Reply next = stranger.get("/engine-rest/task", basic("agent2", "too-early"));
      assertThat(next.status()).isEqualTo(429);
      assertThat(next.header("Retry-After")).as("wait after guess " + guesses).isEqualTo(Long.toString(expectedWait));
    }
    assertThat(guesses).isGreaterThan(10);

    // while it waits, not even the right password is checked: the throttle is no oracle
    assertThat(stranger.get("/api/cases?limit=1", basic("agent2", USER_PASSWORD)).status()).isEqualTo(429);
    Reply webappLogin = stranger.webappLogin("tasklist", "agent2", USER_PASSWORD);
    assertThat(webappLogin.status()).isEqualTo(429);
    assertThat(webappLogin.body()).contains("秒后再试");
    Reply inBrowser = stranger.send("GET", "/api/cases",
        Map.of("Authorization", basic("agent2", "guess"), "Accept", "text/html,application/xhtml+xml"), null);
    assertThat(inBrowser.status()).isEqualTo(429);
    assertThat(inBrowser.body()).contains("<h1>尝试太频繁</h1>").contains("请 60 秒后再试");

    assertNotLocked("agent2");
    assertThat(send("GET", "/engine-rest/task", null, "agent2", USER_PASSWORD).status()).isEqualTo(200);
    assertThat(new LoopbackClient("127.0.0.1", port).webappLogin("tasklist", "agent2", USER_PASSWORD).status())
        .isEqualTo(200);
    assertThat(user("agent2").getAttempts()).isZero();
  }

  @Test
  void theAdminCannotBeLockedOutEither() throws Exception {
    for (int guess = 1; guess <= 12; guess++) {
      passSeconds(60);
      assertThat(guess(ADMIN, guess).status()).as("guess " + guess).isEqualTo(401);
    }
    assertThat(stranger.get("/api/cases", basic(ADMIN, "one-more")).status()).isEqualTo(429);

    assertNotLocked(ADMIN);
    assertThat(send("GET", "/engine-rest/user?id=" + ADMIN, null, ADMIN, ADMIN_PASSWORD).status()).isEqualTo(200);
    assertThat(new LoopbackClient("127.0.0.1", port).webappLogin("admin", ADMIN, ADMIN_PASSWORD).status())
        .isEqualTo(200);
  }

  @Test
  void theRightPasswordFromTheSameAddressForgetsTheWrongOnes() throws Exception {
    for (int guess = 1; guess < FREE_GUESSES; guess++) {
      assertThat(guess("wh1", guess).status()).isEqualTo(401);
    }
    assertThat(stranger.get("/engine-rest/task", basic("wh1", USER_PASSWORD)).status()).isEqualTo(200);
    for (int guess = 1; guess < FREE_GUESSES; guess++) {
      assertThat(guess("wh1", guess).status()).as("a typo again, counted from zero").isEqualTo(401);
    }
    assertThat(stranger.get("/engine-rest/task", basic("wh1", USER_PASSWORD)).status()).isEqualTo(200);
  }

  @Test
  void aLoggedInUserCannotTestAnotherUsersPassword() {
    UserEntity before = user("manager1");

    Response right = send("POST", "/engine-rest/identity/verify",
        "{\"username\":\"manager1\",\"password\":\"" + USER_PASSWORD + "\"}", "agent1", USER_PASSWORD);
    Response wrong = send("POST", "/engine-rest/identity/verify",
        "{\"username\":\"manager1\",\"password\":\"guess\"}", "agent1", USER_PASSWORD);

    assertThat(right.status()).as(right.body()).isEqualTo(403);
    assertThat(right.body()).contains("不能检查其他用户的密码");
    assertThat(wrong.status()).isEqualTo(403);
    UserEntity after = user("manager1");
    assertThat(after.getAttempts()).isEqualTo(before.getAttempts());
    assertThat(after.getLockExpirationTime()).isEqualTo(before.getLockExpirationTime());

    Response own = send("POST", "/engine-rest/identity/verify",
        "{\"username\":\"agent1\",\"password\":\"" + USER_PASSWORD + "\"}", "agent1", USER_PASSWORD);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().path("authenticated").asBoolean()).isTrue();
  }

  /** A wrong password from the stranger, by turns through each way in. */
  private Reply guess(String user, int n) throws Exception {
    return switch (n % 3) {
      case 0 -> stranger.get("/api/cases", basic(user, "guess-" + n));
      case 1 -> stranger.get("/engine-rest/task", basic(user, "guess-" + n));
      default -> stranger.webappLogin(user.equals(ADMIN) ? "admin" : "tasklist", user, "guess-" + n);
    };
  }

  private void passSeconds(long seconds) {
    now += seconds * 1000;
    ClockUtil.setCurrentTime(new Date(now));
  }

  private UserEntity user(String id) {
    return (UserEntity) engine.getIdentityService().createUserQuery().userId(id).singleResult();
  }

  private void assertNotLocked(String id) {
    UserEntity user = user(id);
    int maxAttempts = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getLoginMaxAttempts();
    assertThat(user.getAttempts()).as("wrong passwords counted on " + id).isLessThan(maxAttempts);
    assertThat(user.getLockExpirationTime() == null || !user.getLockExpirationTime().after(ClockUtil.getCurrentTime()))
        .as(id + " locked until " + user.getLockExpirationTime()).isTrue();
  }
}
