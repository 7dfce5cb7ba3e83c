package com.shopdesk.aftersales.cases;

import java.util.Arrays;
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

  /** The input's value, or null when the task does not set it. */
  public static String optional(DelegateExecution execution, String input) {
    Object value = execution.getVariableLocal(input);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  /** One of an enum's names, {@code fallback} when the task does not set it, else a failure naming the choices. */
  public static <E extends Enum<E>> E choice(DelegateExecution execution, String input, Class<E> type, E fallback) {
    String value = optional(execution, input);
    if (value == null) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw new IllegalStateException("The service task '" + execution.getCurrentActivityName() + "' sets the input "
        + "parameter '" + input + "' to '" + value + "'; it takes one of " + Arrays.toString(
        type.getEnumConstants()));
  }

  /** A yes/no input, {@code fallback} when the task does not set it. */
  public static boolean flag(DelegateExecution execution, String input, boolean fallback) {
    Object value = execution.getVariableLocal(input);
    return value == null ? fallback : Boolean.parseBoolean(value.toString());
  }
}
