package com.shopdesk.aftersales.security.login;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Switches off the engine's per-user lock-out, which lets anyone lock anyone out by typing wrong passwords;
 * PasswordCheckGuard and LoginThrottle throttle per client address and user instead.
 */
@Component
public class LoginHardeningPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the engine still counts wrong passwords on the user, but never locks: no attempt limit, no delay
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayFactor(1);
  }
}
