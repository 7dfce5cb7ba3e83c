package com.shopdesk.aftersales.guard.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What analysts deploy is checked before it runs, and what cases use is never deleted. In the engine, so
 * that every way in (Modeler, /engine-rest, Cockpit, the app's own auto-deployment) passes the same checks:
 * <ul>
 *   <li>expressions resolve only the desk's delegates and diagram helpers ({@link DeskBeans}), never any
 *       other Spring bean, whatever the diagram, decision or query;</li>
 *   <li>diagrams are checked as the engine parses them ({@link DiagramPolicy}, {@link ExpressionPolicy});</li>
 *   <li>the other resources of a deployment before the engine deploys them ({@link ResourcePolicy});</li>
 *   <li>deleting deployments and process definitions cases use is refused ({@link DeleteGuard}, one of the
 *       engine's command guards).</li>
 * </ul>
 */
@Component
public class DeploymentPolicyPlugin extends AbstractProcessEnginePlugin {
  private final ApplicationContext applicationContext;
  private final DeskBeans beans;

  public DeploymentPolicyPlugin(ApplicationContext applicationContext, DeskBeans beans) {
    this.applicationContext = applicationContext;
    this.beans = beans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // replaces the one ProcessEngineFactoryBean set, which exposes every bean of the application context
    configuration.setExpressionManager(new SpringExpressionManager(applicationContext, beans.forExpressions()));
    configuration.setBpmnParseFactory(new DiagramPolicy(new ExpressionPolicy(beans)));
    list(configuration::getCustomPreDeployers, configuration::setCustomPreDeployers)
        .add(new ResourcePolicy());
  }

  /** The configuration's list, created if the engine has none yet. */
  private static <T> List<T> list(Supplier<List<T>> getter, Consumer<List<T>> setter) {
    if (getter.get() == null) {
      setter.accept(new ArrayList<>());
    }
    return getter.get();
  }
}
