package com.shopdesk.aftersales.guard;

import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Working a task: a completion writes only what the task's form asks ({@link TaskForms}), for every caller;
 * a task claimed by someone is completed by that person; a desk user claims for themselves and gives back only
 * their own claim (a manager, who may assign tasks, reassigns); the desk's tasks end through their forms, never
 * through a BPMN error or escalation thrown at them.
 */
class TaskWorkGuard implements CommandGuard {
  private final TaskForms forms;

  TaskWorkGuard(TaskForms forms) {
    this.forms = forms;
  }

  @Override
  public Command<?> inspect(Command<?> command, Caller caller, Consumer<Consumer<CommandContext>> inside) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      String taskId = CommandFields.read(command, "taskId");
      Map<String, ?> variables = CommandFields.read(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
      inside.accept(context -> {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
          return; // the engine says it is not found
        }
        if (caller != null && task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
          throw new AuthorizationException("任务「" + task.getName() + "」已由 " + task.getAssignee()
              + " 认领，只能由认领人完成；需要转交请联系主管改派");
        }
        forms.check(task, variables, context);
      });
    } else if (Caller.isDeskUser(caller) && (command instanceof HandleTaskBpmnErrorCmd
        || command instanceof HandleTaskEscalationCmd)) {
      throw new AuthorizationException("任务只能通过填写表单完成，不能直接抛出 BPMN 错误或升级");
    } else if (Caller.isDeskUser(caller) && command instanceof ClaimTaskCmd) {
      String userId = CommandFields.read(command, "userId");
      if (userId != null && !userId.equals(caller.userId())) {
        throw new AuthorizationException("只能为自己认领任务；把任务交给别人请由主管改派");
      }
      if (userId == null) {
        inside.accept(context -> onlyOwnClaim(CommandFields.read(command, "taskId"), caller, context));
      }
    } else if (Caller.isDeskUser(caller) && command instanceof AssignTaskCmd
        && CommandFields.read(command, "userId") == null) {
      // "unclaim" in Tasklist: the person who claimed a task may give it back without the right to assign tasks
      String taskId = CommandFields.read(command, "taskId");
      inside.accept(context -> onlyOwnClaim(taskId, caller, context));
      return new ClaimTaskCmd(taskId, null);
    }
    return command;
  }

  private static void onlyOwnClaim(String taskId, Caller caller, CommandContext context) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getAssignee() == null || task.getAssignee().equals(caller.userId())) {
      return;
    }
    boolean mayAssign = context.getAuthorizationManager().isAuthorized(Permissions.TASK_ASSIGN, Resources.TASK, taskId)
        || task.getProcessDefinitionId() != null && context.getAuthorizationManager().isAuthorized(
            Permissions.TASK_ASSIGN, Resources.PROCESS_DEFINITION, task.getProcessDefinition().getKey());
    if (!mayAssign) {
      throw new AuthorizationException("任务「" + task.getName() + "」由 " + task.getAssignee()
          + " 认领，只有认领人或主管可以取消认领");
    }
  }
}
