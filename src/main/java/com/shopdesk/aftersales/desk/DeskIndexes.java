package com.shopdesk.aftersales.desk;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index the deadline board's count of due tasks reads, on the engine's task table: without it, H2 scanned
 * all 100,000 open tasks in 150 ms for each look at the board (benchmark row 6f). Created once, when the engine's
 * tables exist (the shop's Flyway migrations run before the engine creates them on a new database), and on
 * several nodes under the cluster start-up lock, which is released after this.
 */
@Component
class DeskIndexes {
  private final JdbcTemplate jdbc;

  DeskIndexes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  void create() {
    jdbc.execute("CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_DUE_DESK ON ACT_RU_TASK (DUE_DATE_)");
  }
}
