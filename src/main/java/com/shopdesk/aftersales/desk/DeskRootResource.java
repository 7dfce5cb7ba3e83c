package com.shopdesk.aftersales.desk;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Cockpit's entry to the desk: {@code /camunda/api/cockpit/plugin/desk/{engine}/…}. */
@Path("plugin/" + DeskPlugin.ID)
public class DeskRootResource extends AbstractCockpitPluginRootResource {
  public DeskRootResource() {
    super(DeskPlugin.ID);
  }

  @Path("{engineName}")
  public DeskResource desk(@PathParam("engineName") String engineName) {
    return subResource(new DeskResource(engineName), engineName);
  }
}
