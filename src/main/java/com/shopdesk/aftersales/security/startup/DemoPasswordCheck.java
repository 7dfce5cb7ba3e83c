package com.shopdesk.aftersales.security.startup;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, refuses to start while any user of the engine still has the demo password (a
 * database a demo run created). Runs once the engine is built, before it deploys or runs a job.
 */
@Component
@ConditionalOnProperty(name = DemoProfile.ENABLED, havingValue = "false", matchIfMissing = true)
public class DemoPasswordCheck extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<String> users = engine.getIdentityService().createUserQuery().orderByUserId().asc().list().stream()
        .filter(user -> user instanceof UserEntity entity && hasPassword(configuration, entity, DemoProfile.PASSWORD))
        .map(User::getId)
        .toList();
    if (!users.isEmpty()) {
      engine.close(); // nothing may run on it, and it must not stay registered under its name
      throw new StartupRefusedException(
          "These users still have the demo password '" + DemoProfile.PASSWORD + "': " + String.join(", ", users) + ".",
          "Outside the demo profile nobody may have a known password. Change their passwords in Camunda Admin "
              + "(for example start once with the demo profile on this machine and log in to Admin), "
              + "or delete ./data to start afresh on the embedded database.");
    }
  }

  /**
   * The engine's own comparison of the stored salted hash (DbReadOnlyIdentityServiceProvider.matchPassword);
   * IdentityService.checkPassword would count as a failed login.
   */
  private static boolean hasPassword(ProcessEngineConfigurationImpl configuration, UserEntity user, String password) {
    return user.getPassword() != null && configuration.getPasswordManager()
        .check(EncryptionUtil.saltPassword(password, user.getSalt()), user.getPassword());
  }
}
