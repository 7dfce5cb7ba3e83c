package com.shopdesk.aftersales.guard;

import com.shopdesk.aftersales.guard.forms.FormSubmission;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The most a money field of a task form may say for the case behind the task, beyond the form's own bounds:
 * what the order has left to refund. Implemented where that money is kept.
 */
public interface MoneyFieldLimit {
  Optional<FormSubmission.Ceiling> limitFor(VariableScope task);
}
