package com.shopdesk.aftersales.security.login;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Replaces the engine's per-user lock-out, which lets anyone lock anyone out by typing wrong passwords, with
 * throttling per client address and user (PasswordCheckInterceptor, LoginThrottle).
 */
@Component
public class LoginHardeningPlugin extends AbstractProcessEnginePlugin {
  private final LoginThrottle throttle;

  public LoginHardeningPlugin(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // the engine still counts wrong passwords on the user, but never locks: no attempt limit, no delay
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayFactor(1);

    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new PasswordCheckInterceptor(throttle, configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
