package com.shopdesk.aftersales.security.startup;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, refuses to start when the admin's password is missing, blank, still the
 * placeholder ${AFTERSALES_ADMIN_PASSWORD}, or the demo password. As a bean factory post-processor it runs
 * before any bean exists, so a refused start has not touched the database.
 */
@Component
@ConditionalOnProperty(name = DemoProfile.ENABLED, havingValue = "false", matchIfMissing = true)
public class AdminPasswordCheck implements BeanFactoryPostProcessor, EnvironmentAware {
  static final String ADMIN_ID = "camunda.bpm.admin-user.id";
  static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    // Bound as the Camunda starter binds it: an unresolvable placeholder stays in the text, and the
    // starter would make that text the admin's password.
    Binder binder = Binder.get(environment);
    if (binder.bind(ADMIN_ID, String.class).isBound()) {
      check(binder.bind(ADMIN_PASSWORD, String.class).orElse(""));
    }
  }

  static void check(String password) {
    if (password.isBlank() || password.contains("${")) {
      throw new StartupRefusedException("No password is set for the admin user (" + ADMIN_PASSWORD + ").",
          "Set the environment variable AFTERSALES_ADMIN_PASSWORD to the admin's password (or, on your own "
              + "machine only, start with the demo profile).");
    }
    if (password.equals(DemoProfile.PASSWORD)) {
      throw new StartupRefusedException("The admin password is the demo password '" + DemoProfile.PASSWORD + "'.",
          "Set the environment variable AFTERSALES_ADMIN_PASSWORD to a password of your own.");
    }
  }
}
