package com.shopdesk.aftersales.guard.forms;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion the form does not allow, naming the variable. A form-validation exception, so the engine's
 * REST API and Tasklist answer 400 with the message ("Cannot complete task …: …"), and nothing is written.
 */
public class FieldRefused extends FormFieldValidationException {
  private final String field;

  public FieldRefused(String field, String message) {
    super(field, message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
