package com.shopdesk.aftersales.guard;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Closes, in the engine where every entry passes (engine REST API, the webapps' API, Java), what Camunda 7.24
 * CE leaves open to a desk login: expressions in task queries at any depth, task completions that write more
 * than their form, processes started other than through their start form, claims taken from others, variables
 * written outside forms, e-mail addresses in user listings. Also fixes the permission model the grants in
 * {@code security/DeskSecuritySetup} rely on: reading and writing variables are permissions of their own (a person
 * involved in a task may work it and read its variables, not edit it: {@code guard/tasks}).
 */
@Component
public class DeskEngineGuards extends AbstractProcessEnginePlugin {
  private final ObjectProvider<MoneyFieldLimit> moneyLimits;
  private final List<CommandGuard> otherGuards;

  /** @param otherGuards the guards other capabilities contribute as beans (deleting deployments, logins) */
  public DeskEngineGuards(ObjectProvider<MoneyFieldLimit> moneyLimits, List<CommandGuard> otherGuards) {
    this.moneyLimits = moneyLimits;
    this.otherGuards = otherGuards;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(false);
    configuration.setEnforceSpecificVariablePermission(true);
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(DeskIdentityProvider.class));

    TaskForms forms = new TaskForms(moneyLimits);
    List<CommandGuard> guards = new ArrayList<>(List.of(new QueryExpressionGuard(), new VariableWriteGuard(),
        new TaskWorkGuard(forms), new StartFormGuard(forms)));
    guards.addAll(otherGuards);
    // one interceptor per chain: an interceptor knows the next one of its chain
    configuration.setCustomPreCommandInterceptorsTxRequired(prepend(new GuardInterceptor(configuration, guards),
        configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(prepend(new GuardInterceptor(configuration, guards),
        configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> prepend(CommandInterceptor first, List<CommandInterceptor> others) {
    List<CommandInterceptor> all = new ArrayList<>();
    all.add(first);
    if (others != null) all.addAll(others);
    return all;
  }
}
