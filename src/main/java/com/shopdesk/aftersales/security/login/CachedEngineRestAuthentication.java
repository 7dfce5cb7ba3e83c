package com.shopdesk.aftersales.security.login;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/** Camunda's HTTP Basic filter for the engine REST API, asking the {@link CredentialCache} before the engine. */
public class CachedEngineRestAuthentication extends ProcessEngineAuthenticationFilter {
  private final CredentialCache cache;

  public CachedEngineRestAuthentication(CredentialCache cache) {
    this.cache = cache;
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    authenticationProvider = new HttpBasicAuthenticationProvider() {
      @Override
      protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
        return cache.passwordMatches(userName, password, () -> super.isAuthenticated(engine, userName, password));
      }
    };
  }

  @Override
  protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
    return cache.groupsOf(userId, () -> super.getGroupsOfUser(engine, userId));
  }

  @Override
  protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
    return cache.tenantsOf(userId, () -> super.getTenantsOfUser(engine, userId));
  }
}
