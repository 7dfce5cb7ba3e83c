package com.shopdesk.aftersales.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes sharing one PostgreSQL start one after the other: from the schema migrations and the engine's own table
 * creation to the desk's groups, grants, filters and users, a node holds a session advisory lock, so two nodes
 * started at the same moment never create the same table or grant twice. The lock goes with its connection, so
 * a node that dies while starting frees it. On the embedded H2 (one node by nature) it does nothing.
 */
@Component
public class ClusterStartupLock {
  private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);
  /** Any constant the desk's database uses for nothing else; "AFTERSALES" in ASCII, shortened. */
  private static final long KEY = 0x4146_5453_414cL;

  private final DataSource dataSource;
  private Connection held;

  public ClusterStartupLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public synchronized void acquire() {
    if (held != null) {
      return;
    }
    try {
      Connection c = dataSource.getConnection();
      if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
        c.close();
        return;
      }
      long waitingSince = System.nanoTime();
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_lock(" + KEY + ")");
      }
      held = c;
      log.info("Cluster start-up lock taken after {} ms", (System.nanoTime() - waitingSince) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not take the cluster start-up lock", e);
    }
  }

  @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class, ContextClosedEvent.class})
  @Order(Ordered.LOWEST_PRECEDENCE)
  public synchronized void release() {
    if (held == null) {
      return;
    }
    try (Connection c = held; Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      log.warn("Could not release the cluster start-up lock; closing its connection frees it", e);
    } finally {
      held = null;
    }
  }
}
