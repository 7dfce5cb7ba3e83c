package com.shopdesk.aftersales.guard.deploy;

import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallActivityBehavior;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which version of a called process a case runs: the one that was the newest when the case started. Every call
 * activity says {@code camunda:calledElementBinding="version"} and
 * {@code camunda:calledElementVersion="${versions.atCaseStart(execution)}"} (the deployment policy refuses any
 * other), so a {@code refund} or {@code pickup-watch} an analyst deploys on its own is used by every case opened
 * after it, and by none opened before.
 * <p>
 * "The case" is the root process instance (a return-refund's return-receipt calls on its behalf); "the newest"
 * is the highest version of the called key whose deployment time is at or before the root's start time. When
 * no version existed yet at that time (the called process was deployed after the case started), the case gets
 * the first version deployed since.
 */
@DiagramHelper
@Component("versions")
public class CalledVersions {
  /** The only binding the deployment policy lets a call activity have. */
  public static final String BINDING = "version";
  /** The only version expression the deployment policy lets a call activity have. */
  public static final String EXPRESSION = "${versions.atCaseStart(execution)}";

  private static final Logger LOG = LoggerFactory.getLogger(CalledVersions.class);

  /**
   * The version of the process this call activity calls that was the newest when the case started; for
   * {@code camunda:calledElementVersion}, nowhere else.
   */
  public Integer atCaseStart(DelegateExecution execution) {
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null || execution == null) {
      throw new ProcessEngineException(
          EXPRESSION + " is evaluated by the engine, as the camunda:calledElementVersion of a call activity");
    }
    String key = calledKey(execution);
    // whoever moves the case on (an agent completing a task) may not read history or definitions; the engine
    // decides which version runs, not their grants
    return commandContext.runWithoutAuthorization(() -> {
      Date caseStart = caseStart(execution, commandContext);
      return newestAt(key, execution.getTenantId(), caseStart,
          execution.getProcessEngineServices().getRepositoryService());
    });
  }

  /** The key the engine itself resolves for this call activity (calledElement, an expression included). */
  private static String calledKey(DelegateExecution execution) {
    if (execution instanceof ExecutionEntity entity && entity.getActivity() != null
        && entity.getActivity().getActivityBehavior() instanceof CallActivityBehavior call) {
      return call.getCallableElement().getDefinitionKey(execution);
    }
    throw new ProcessEngineException(EXPRESSION + " belongs in the camunda:calledElementVersion of a call "
        + "activity; activity '" + execution.getCurrentActivityId() + "' is not a call activity");
  }

  /** When the root process instance (the case) started, from its history. */
  private static Date caseStart(DelegateExecution execution, CommandContext commandContext) {
    DelegateExecution root = execution.getProcessInstance();
    while (root.getSuperExecution() != null) {
      root = root.getSuperExecution().getProcessInstance();
    }
    String rootId = root.getId();
    HistoricProcessInstance started = execution.getProcessEngineServices().getHistoryService()
        .createHistoricProcessInstanceQuery().processInstanceId(rootId).singleResult();
    if (started != null && started.getStartTime() != null) {
      return started.getStartTime();
    }
    // the case started in this very transaction: its history is written at the end of it
    HistoricProcessInstanceEventEntity unwritten = commandContext.getDbEntityManager()
        .getCachedEntity(HistoricProcessInstanceEventEntity.class, rootId);
    if (unwritten != null && unwritten.getStartTime() != null) {
      return unwritten.getStartTime();
    }
    LOG.warn("No start time for process instance {} (history level none?); it calls the newest version", rootId);
    return ClockUtil.getCurrentTime();
  }

  private static Integer newestAt(String key, String tenantId, Date caseStart, RepositoryService repository) {
    List<ProcessDefinition> versions = query(repository, key, tenantId).orderByProcessDefinitionVersion().desc()
        .list();
    if (versions.isEmpty()) {
      throw new ProcessEngineException("no version of the process '" + key + "' is deployed");
    }
    Set<String> deployedLater = query(repository, key, tenantId).deployedAfter(caseStart).list().stream()
        .map(ProcessDefinition::getId).collect(Collectors.toSet());
    return versions.stream().filter(version -> !deployedLater.contains(version.getId())).findFirst()
        .orElse(versions.get(versions.size() - 1)) // none existed when the case started: the first one since
        .getVersion();
  }

  private static ProcessDefinitionQuery query(RepositoryService repository, String key, String tenantId) {
    ProcessDefinitionQuery query = repository.createProcessDefinitionQuery().processDefinitionKey(key);
    return tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId);
  }
}
