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

/**
 * A desk user starts a process only through its start form, as Tasklist's 发起流程 does (the engine's
 * submit-form), submitting the form's fields and nothing else, checked as a task completion is
 * ({@link TaskForms}). The plain start endpoints, which take any variables, start instructions that skip the
 * form's step, or skipped listeners, and the restart of an ended instance are refused to desk users. Which
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
    } else if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd
        || command instanceof AbstractRestartProcessInstanceCmd) {
      throw new AuthorizationException("流程只能在 Tasklist 用发起表单启动（submit-form），不能直接启动或重启");
    }
    return command;
  }
}
