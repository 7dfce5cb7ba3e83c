package com.shopdesk.aftersales.security.startup;

/** The application will not start as configured: what is wrong, and what the operator should do about it. */
public class StartupRefusedException extends IllegalStateException {
  private final String description;
  private final String action;

  public StartupRefusedException(String description, String action) {
    super(description + " " + action);
    this.description = description;
    this.action = action;
  }

  public String description() {
    return description;
  }

  public String action() {
    return action;
  }
}
