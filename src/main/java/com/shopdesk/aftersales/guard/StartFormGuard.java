package com.shopdesk.aftersales.guard;

import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * A desk user starts a process that has a start form only through that form, as Tasklist's 启动流程 does (the
 * engine's submit-form), submitting the form's fields and nothing else, checked as a task completion is
 * ({@link TaskForms}). The plain start endpoints, which take any variables, start instructions that skip the
 * form's step, or skipped listeners, and the restart of an ended instance are refused for such a process. Which
 * processes a group may start at all is its CREATE_INSTANCE grant ({@code security/DeskSecuritySetup}).
 */
class StartFormGuard implements CommandGuard {
  private final TaskForms forms;

  StartFormGuard(TaskForms forms) {
    this.forms = forms;
  }

  @Override
  public Command<?> inspect(Command<?> command, Caller caller, Consumer<Consumer<CommandContext>> inside) {
    if (!Caller.isDeskUser(caller)) {
      return command;
    }
    if (command instanceof SubmitStartFormCmd) {
      String definitionId = CommandFields.read(command, "processDefinitionId");
      Map<String, ?> variables = CommandFields.read(command, "variables");
      inside.accept(context -> forms.checkStart(definitionId, variables, context));
    } else if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
      Object builder = CommandFields.read(command, "instantiationBuilder");
      String id = CommandFields.read(builder, "processDefinitionId");
      String key = CommandFields.read(builder, "processDefinitionKey");
      inside.accept(context -> notPastItsForm(definition(context, id, key), context));
    } else if (command instanceof AbstractRestartProcessInstanceCmd) {
      String id = CommandFields.read(CommandFields.read(command, "builder"), "processDefinitionId");
      inside.accept(context -> notPastItsForm(definition(context, id, null), context));
    }
    return command;
  }

  private void notPastItsForm(ProcessDefinitionEntity definition, CommandContext context) {
    if (definition != null && forms.hasStartForm(definition.getId(), context)) {
      throw new AuthorizationException("流程「" + definition.getName() + "」只能在 Tasklist 用发起表单启动"
          + "（submit-form），不能直接启动或重启");
    }
  }

  /** The definition asked for; null when there is none, which the engine itself then reports. */
  private static ProcessDefinitionEntity definition(CommandContext context, String id, String key) {
    var cache = context.getProcessEngineConfiguration().getDeploymentCache();
    try {
      return id != null ? cache.findDeployedProcessDefinitionById(id)
          : key != null ? cache.findDeployedLatestProcessDefinitionByKey(key) : null;
    } catch (RuntimeException notFound) {
      return null;
    }
  }
}
