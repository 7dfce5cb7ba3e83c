package com.shopdesk.aftersales.guard;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who asks the engine for something: the user the engine REST API or a webapp authenticated, or nobody for the
 * application's own Java code (intake, the job executor, tests). {@code admin}: a member of camunda-admin.
 */
public record Caller(String userId, boolean admin) {

  /** The authenticated caller, or null when the application itself runs the command. */
  static Caller current(ProcessEngineConfigurationImpl configuration) {
    Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    boolean admin = configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(authentication.getUserId())
        || configuration.getAdminGroups() != null && groups.stream().anyMatch(configuration.getAdminGroups()::contains);
    return new Caller(authentication.getUserId(), admin);
  }

  /** A person who is not the admin: the one whose work the desk's rules bound. */
  public static boolean isDeskUser(Caller caller) {
    return caller != null && !caller.admin();
  }
}
