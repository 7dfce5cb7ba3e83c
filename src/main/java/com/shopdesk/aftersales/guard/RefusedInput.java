package com.shopdesk.aftersales.guard;

import jakarta.ws.rs.BadRequestException;

/**
 * A request refused for what it tried to write (a variable outside a task's form). A JAX-RS 400 on purpose: the
 * engine REST API and the webapps' API answer every endpoint's refusal with 400 and this message, where an
 * engine exception would come back from some variable endpoints as 500.
 */
public class RefusedInput extends BadRequestException {
  public RefusedInput(String message) {
    super(message);
  }
}
