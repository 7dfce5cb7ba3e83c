package com.shopdesk.aftersales.security;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/** The desk's groups, as named in Camunda Admin. */
public final class DeskGroups {
  public static final String AGENTS = "agents";
  public static final String WAREHOUSE = "warehouse";
  public static final String MANAGERS = "managers";
  public static final String ANALYSTS = "analysts";
  /** Technical users of the platform and courier integrations that call the product API. */
  public static final String INTEGRATIONS = "integrations";
  /**
   * Who may correct a case's request or reason (through the API or Tasklist): the desk's people, not the
   * platform's integration.
   */
  public static final List<String> CORRECTORS = List.of(AGENTS, MANAGERS, Groups.CAMUNDA_ADMIN);

  private DeskGroups() {}
}
