package com.shopdesk.aftersales.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Input parameters an analyst sets on a service task in Modeler. */
public final class TaskInputs {
  private TaskInputs() {}

  /** The input's value, or a failure naming the task and the missing input (an incident in Cockpit). */
  public static String required(DelegateExecution execution, String input) {
    Object value = execution.getVariableLocal(input);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("The service task '" + execution.getCurrentActivityName()
          + "' needs the input parameter '" + input + "'");
    }
    return value.toString();
  }

  /** A yes/no input, {@code fallback} when the task does not set it. */
  public static boolean flag(DelegateExecution execution, String input, boolean fallback) {
    Object value = execution.getVariableLocal(input);
    return value == null ? fallback : Boolean.parseBoolean(value.toString());
  }
}
