package com.shopdesk.aftersales.cluster;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Start-up and chores of a node among several. Chores every node schedules run once per cluster: each {@code @Scheduled} chore also carries
 * {@code @SchedulerLock}, and the node that takes the lock (table {@code shedlock}, by the database's clock) runs it.
 */
@Configuration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
public class ClusterConfig {

  /** Schema migrations run under the cluster start-up lock, like the rest of a node's start. */
  @Bean
  FlywayMigrationStrategy migrateUnderStartupLock(ClusterStartupLock startupLock) {
    return flyway -> {
      startupLock.acquire();
      flyway.migrate();
    };
  }

  @Bean
  LockProvider lockProvider(DataSource dataSource, NodeName node) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .withLockedByValue(node.get())
        .usingDbTime()
        .build());
  }
}
