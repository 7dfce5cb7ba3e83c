package com.shopdesk.aftersales.desk;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Whether the person logged in to Cockpit may open the desk: an ACCESS grant on the application "desk". */
@Component
public class DeskAccess {
  private final AuthorizationService authorizations;

  public DeskAccess(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public boolean allows(Authentication who) {
    return who != null && who.getUserId() != null
        && authorizations.isUserAuthorized(who.getUserId(), who.getGroupIds(), ACCESS, APPLICATION,
            DeskPlugin.APPLICATION);
  }
}
