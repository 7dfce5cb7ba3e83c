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

  /**
   * Refuses to start an adapter without a setting it needs, naming the environment variable to set.
   * {@code adapter}: the choice that needs it, e.g. "aftersales.adapters.payment is alipay".
   */
  public static void requireSet(String value, String adapter, String variable, String what) {
    if (value == null || value.isBlank()) {
      String port = adapter.substring(0, adapter.indexOf(' '));
      throw new StartupRefusedException(adapter + " but " + variable + " (" + what + ") is not set.",
          "Set " + variable + " in the environment, or use " + port + "=sandbox.");
    }
  }
}
