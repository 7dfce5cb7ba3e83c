package com.shopdesk.aftersales.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** LOCAL DEMO ONLY (profile "demo"): one user per group, all with the demo password. */
@Component
@ConditionalOnProperty(name = "aftersales.demo-users.enabled", havingValue = "true")
public class DemoUsers {
  private final IdentityService identity;
  private final String password;

  public DemoUsers(IdentityService identity, @Value("${aftersales.demo-users.password}") String password) {
    this.identity = identity;
    this.password = password;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  public void create() {
    user("agent1", "小王", "客服", DeskGroups.AGENTS);
    user("agent2", "小李", "客服", DeskGroups.AGENTS);
    user("wh1", "老陈", "仓库", DeskGroups.WAREHOUSE);
    user("manager1", "张姐", "主管", DeskGroups.MANAGERS);
    user("analyst1", "刘工", "流程", DeskGroups.ANALYSTS);
    user("platform1", "天猫", "对接", DeskGroups.INTEGRATIONS);
  }

  private void user(String id, String firstName, String lastName, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setPassword(password);
      user.setEmail(id + "@demo.invalid");
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }
}
