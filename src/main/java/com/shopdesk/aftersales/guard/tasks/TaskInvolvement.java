package com.shopdesk.aftersales.guard.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskManager;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who reads and works a task follows from who is involved in it (its assignee, its owner, the people and groups it
 * is offered to) and from grants on all tasks or on a process definition's, as before; but the engine no longer
 * writes a grant per task for it. With a row per open task, the task list joined the authorization table with an
 * "or" that PostgreSQL compared with every task, and every check of a desk login read a table as long as the queue.
 * Involvement is read from the task's identity links by their index instead ({@link InvolvementAuthorizationManager}
 * for one task, {@code involvement.xml} for lists), and a page of tasks is read in its order up to the page's end,
 * so the queue takes as long at 100,000 open tasks as on an empty desk. Large counts are shared for a few seconds
 * ({@link LargeCounts}).
 */
@Component
public class TaskInvolvement extends AbstractProcessEnginePlugin {
  static final String NAMESPACE = "com.shopdesk.aftersales.guard.tasks.";
  private final LargeCounts largeCounts;

  public TaskInvolvement(@Value("${aftersales.tasks.large-counts-shared-for:PT10S}") Duration largeCountsSharedFor) {
    this.largeCounts = new LargeCounts(largeCountsSharedFor);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new NoPerTaskGrants());
    List<SessionFactory> sessions = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      sessions.addAll(configuration.getCustomSessionFactories());
    }
    sessions.add(session(AuthorizationManager.class, InvolvementAuthorizationManager::new));
    sessions.add(session(TaskManager.class, () -> new InvolvementTaskManager(largeCounts)));
    sessions.add(session(VariableInstanceManager.class, InvolvementVariableManager::new));
    configuration.setCustomSessionFactories(sessions);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the statements read grants and variable permissions the way the engine does with these settings
    if (!ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER.equals(configuration.getAuthorizationCheckRevokes())
        || !configuration.isEnforceSpecificVariablePermission()) {
      throw new IllegalStateException("The desk's task reads need camunda.bpm.authorization.authorization-check-revokes"
          + " \"never\" and enforceSpecificVariablePermission on (guard/DeskEngineGuards)");
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    String resource = "involvement.xml";
    try (InputStream xml = TaskInvolvement.class.getResourceAsStream(resource)) {
      new XMLMapperBuilder(xml, mybatis, TaskInvolvement.class.getPackageName() + "/" + resource,
          mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SessionFactory session(Class<? extends Session> type, Supplier<? extends Session> manager) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return type;
      }

      @Override
      public Session openSession() {
        return manager.get();
      }
    };
  }
}
