package com.shopdesk.aftersales.cluster;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes the engine one node of a cluster: it starts under the cluster start-up lock, logs jobs under this
 * node's name and locks them as this node. A node that was killed left its jobs locked for the engine's lock
 * time (5 minutes); when it comes back under the same name it takes those locks back at once, since nothing
 * of its former life can still be running them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClusterNodePlugin extends AbstractProcessEnginePlugin {
  private static final Logger log = LoggerFactory.getLogger(ClusterNodePlugin.class);
  private final NodeName node;
  private final ClusterStartupLock startupLock;
  private final JdbcTemplate jdbc;
  private String jobTable;

  public ClusterNodePlugin(NodeName node, ClusterStartupLock startupLock, JdbcTemplate jdbc) {
    this.node = node;
    this.startupLock = startupLock;
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    startupLock.acquire();
    configuration.setHostname(node.get());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(node.get());
    }
    jobTable = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    int released = jdbc.update("UPDATE " + jobTable + " SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 "
        + "WHERE LOCK_OWNER_ = ?", node.get());
    if (released > 0) {
      log.warn("Node {} restarted: released {} job locks its previous run still held", node, released);
    }
  }
}
