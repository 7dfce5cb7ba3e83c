package com.shopdesk.aftersales.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns at start when PostgreSQL runs without autovacuum. Its plans then rest on the statistics of whenever the
 * tables were last analysed: with the task table analysed while nearly empty, the agents' queue at 100,000 open
 * tasks took minutes per page instead of a millisecond (the benchmark, README "Benchmark").
 */
@Component
class AutovacuumCheck {
  private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);
  private final DataSource dataSource;

  AutovacuumCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warn() {
    problem().ifPresent(log::warn);
  }

  Optional<String> problem() {
    try (Connection c = dataSource.getConnection()) {
      if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
        return Optional.empty();
      }
    } catch (SQLException e) {
      return Optional.empty(); // the start fails elsewhere, saying why
    }
    String autovacuum = new JdbcTemplate(dataSource).queryForObject("SHOW autovacuum", String.class);
    return "on".equals(autovacuum) ? Optional.empty() : Optional.of("PostgreSQL runs with autovacuum "
        + autovacuum + ": query plans use stale statistics as the queue grows, and a page of 100,000 open tasks "
        + "can take minutes. Turn autovacuum on (postgresql.conf), or run ANALYZE at least hourly.");
  }
}
