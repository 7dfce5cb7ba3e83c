package com.shopdesk.aftersales.jobs;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobPriorityProvider;
import org.camunda.bpm.engine.impl.jobexecutor.JobDeclaration;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * When thousands of deadlines fall due at once (the 48-hour pickup watch of a Double 11 morning), the job
 * executor takes the work already under way first: a new case's next step, a refund, a courier push. It
 * acquires by priority, and a timer of a diagram that sets no priority of its own gets {@link #DEADLINE_PRIORITY},
 * below the default 0 of every other job; the steps a timer starts are back at 0, so a started case finishes
 * before the next deadline is taken up. An analyst's {@code camunda:jobPriority} on an activity or a process
 * still wins.
 */
@Component
public class DeadlinesAfterWork extends AbstractProcessEnginePlugin {
  public static final long DEADLINE_PRIORITY = -10;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setJobExecutorAcquireByPriority(true);
    configuration.setJobPriorityProvider(new DefaultJobPriorityProvider() {
      @Override
      protected Long getProcessDefinitionPriority(ExecutionEntity execution, JobDeclaration<?, ?> declaration) {
        Long modelled = super.getProcessDefinitionPriority(execution, declaration);
        boolean unmodelledTimer = modelled == null && declaration instanceof TimerDeclarationImpl;
        return unmodelledTimer ? Long.valueOf(DEADLINE_PRIORITY) : modelled;
      }
    });
  }
}
