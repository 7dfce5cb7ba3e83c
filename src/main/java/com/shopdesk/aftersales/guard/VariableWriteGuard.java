package com.shopdesk.aftersales.guard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A case's variables change through its process and the forms of its tasks, never by a desk user writing them:
 * the task and local-variable endpoints, the process-instance and execution variable endpoints and the batch
 * that sets variables on many instances are refused (400 naming the variable) for everyone but the admin, the
 * operator of last resort (whose changes Camunda's operation log keeps).
 */
class VariableWriteGuard implements CommandGuard {

  @Override
  public Command<?> inspect(Command<?> command, Caller caller, Consumer<Consumer<CommandContext>> inside) {
    if (!Caller.isDeskUser(caller)) {
      return command;
    }
    List<String> names = new ArrayList<>();
    if (command instanceof AbstractSetVariableCmd || command instanceof SetVariablesToProcessInstancesBatchCmd) {
      names.addAll(keys(CommandFields.read(command, "variables")));
    } else if (command instanceof AbstractRemoveVariableCmd) {
      names.addAll(CommandFields.<Collection<String>>read(command, "variableNames"));
    } else if (command instanceof AbstractPatchVariablesCmd) {
      names.addAll(keys(CommandFields.read(command, "variables")));
      Collection<String> deletions = CommandFields.read(command, "deletions");
      if (deletions != null) names.addAll(deletions);
    } else {
      return command;
    }
    throw new RefusedInput("变量 " + (names.isEmpty() ? "（未指明）" : String.join("、", names)) + " 不能直接写入："
        + "案件的变量只随流程和任务表单改变，请完成任务表单（variables are written only by completing a task's form)");
  }

  private static Collection<String> keys(Map<String, ?> variables) {
    return variables == null ? List.of() : variables.keySet();
  }
}
