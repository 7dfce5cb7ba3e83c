package com.shopdesk.aftersales.guard.deploy;

import com.shopdesk.aftersales.guard.Caller;
import com.shopdesk.aftersales.guard.CommandFields;
import com.shopdesk.aftersales.guard.CommandGuard;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Refuses to delete a deployment or process definition that cases use: never while a case runs on it (a
 * cascading delete would remove the case and its history), and only for camunda-admin once cases have
 * finished on it (their history is the audit trail of what was paid). What no case ever used may be deleted.
 * <p>
 * The check runs in the command's own transaction, seeing every case whoever asks, and refuses with an
 * {@link AuthorizationException} (REST {@code 403}).
 */
@Component
class DeleteGuard implements CommandGuard {
  private static final int SHOWN_CASES = 3;

  @Override
  public Command<?> inspect(Command<?> command, Caller caller, Consumer<Consumer<CommandContext>> inside) {
    if (command instanceof DeleteDeploymentCmd || command instanceof DeleteProcessDefinitionsByIdsCmd
        || command instanceof DeleteProcessDefinitionsByKeyCmd) {
      boolean admin = caller != null && caller.admin();
      inside.accept(commandContext -> commandContext.runWithoutAuthorization(() -> {
        check(command, admin, commandContext);
        return null;
      }));
    }
    return command;
  }

  private static void check(Command<?> command, boolean admin, CommandContext commandContext) {
    keepCases(target(command, commandContext), admin, commandContext);
    if (command instanceof DeleteDeploymentCmd && !admin) {
      keepDecisionHistory(field(command, "deploymentId"), commandContext);
    }
  }

  private static void keepCases(Target target, boolean admin, CommandContext commandContext) {
    if (target.definitions().isEmpty()) {
      return; // nothing to protect; the command reports what does not exist
    }
    ProcessEngineConfigurationImpl engine = commandContext.getProcessEngineConfiguration();
    long running = 0;
    List<String> shown = new ArrayList<>();
    long finished = 0;
    for (ProcessDefinition definition : target.definitions()) {
      var instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(definition.getId());
      running += instances.count();
      if (shown.size() < SHOWN_CASES) {
        instances.listPage(0, SHOWN_CASES - shown.size()).forEach(instance -> shown.add(caseOf(instance)));
      }
      finished += engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionId(definition.getId()).finished().count();
    }
    if (running > 0) {
      throw new AuthorizationException(target.description() + " cannot be deleted: " + running
          + (running == 1 ? " running case uses it (" : " running cases use it (") + String.join(", ", shown)
          + (running > shown.size() ? ", …" : "") + "); deploy a new version instead");
    }
    if (finished > 0 && !admin) {
      throw new AuthorizationException(target.description() + " cannot be deleted: " + finished
          + (finished == 1 ? " finished case" : " finished cases")
          + " used it and their history is the desk's audit trail; only camunda-admin may delete it");
    }
  }

  /**
   * A decision table's history says why each case went the way it did; deleting the deployment would delete it
   * and quietly put cases back on the previous version of the table.
   */
  private static void keepDecisionHistory(String deploymentId, CommandContext commandContext) {
    ProcessEngineConfigurationImpl engine = commandContext.getProcessEngineConfiguration();
    for (var decision : engine.getRepositoryService().createDecisionDefinitionQuery().deploymentId(deploymentId).list()) {
      long decided = engine.getHistoryService().createHistoricDecisionInstanceQuery()
          .decisionDefinitionId(decision.getId()).count();
      if (decided > 0) {
        throw new AuthorizationException("deployment " + deploymentId + " cannot be deleted: its decision table "
            + decision.getKey() + " decided " + decided + (decided == 1 ? " case" : " cases")
            + " and that history is the desk's audit trail; deploy a corrected version instead");
      }
    }
  }

  private static String caseOf(ProcessInstance instance) {
    return instance.getBusinessKey() != null ? instance.getBusinessKey() : "instance " + instance.getId();
  }

  /** What the command would delete, read from its fields (the commands have no getters). */
  private static Target target(Command<?> command, CommandContext commandContext) {
    var definitions = commandContext.getProcessDefinitionManager();
    if (command instanceof DeleteDeploymentCmd) {
      String deploymentId = field(command, "deploymentId");
      return new Target("deployment " + deploymentId,
          definitions.findProcessDefinitionsByDeploymentId(deploymentId));
    }
    if (command instanceof DeleteProcessDefinitionsByIdsCmd) {
      Set<String> ids = field(command, "processDefinitionIds");
      return new Target("process definition " + String.join(", ", ids),
          ids == null || ids.isEmpty() ? List.of() : definitions.findDefinitionsByIds(ids));
    }
    String key = field(command, "processDefinitionKey");
    String tenantId = field(command, "tenantId");
    boolean tenantIdSet = field(command, "isTenantIdSet");
    return new Target("process definitions with key " + key,
        key == null ? List.of() : definitions.findDefinitionsByKeyAndTenantId(key, tenantId, tenantIdSet));
  }

  private static <V> V field(Object command, String name) {
    return CommandFields.read(command, name);
  }

  private record Target(String description, Collection<? extends ProcessDefinition> definitions) {}
}
