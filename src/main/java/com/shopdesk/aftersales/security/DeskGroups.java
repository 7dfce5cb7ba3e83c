package com.shopdesk.aftersales.security;

/** The desk's groups, as named in Camunda Admin. */
public final class DeskGroups {
  public static final String AGENTS = "agents";
  public static final String WAREHOUSE = "warehouse";
  public static final String MANAGERS = "managers";
  public static final String ANALYSTS = "analysts";
  /** Technical users of the platform and courier integrations that call the product API. */
  public static final String INTEGRATIONS = "integrations";

  private DeskGroups() {}
}
