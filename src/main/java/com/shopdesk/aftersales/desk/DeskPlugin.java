package com.shopdesk.aftersales.desk;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The managers' desk (售后工作台) inside Cockpit, through Cockpit's own plugin API: the resources under
 * {@code /camunda/api/cockpit/plugin/desk/} and the page in {@code desk-plugin/app/plugin.js}. Cockpit finds it
 * through {@code META-INF/services}. Who may open it is an engine authorization: {@link #APPLICATION}.
 */
public class DeskPlugin extends AbstractCockpitPlugin {
  public static final String ID = "desk";
  /** Admin → 授权 → 应用: ACCESS on this application id opens the desk (managers have it). */
  public static final String APPLICATION = "desk";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(DeskRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "desk-plugin";
  }
}
