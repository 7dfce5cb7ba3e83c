package com.shopdesk.aftersales.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.operations.FreshPostgres;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The start-up warning an operator gets when PostgreSQL keeps no fresh statistics. */
class AutovacuumCheckTest {

  @Test
  void postgresWithoutAutovacuumIsReportedAndWithItIsNot() throws Exception {
    try (FreshPostgres db = FreshPostgres.create("aftersales_autovacuum")) {
      DriverManagerDataSource postgres = new DriverManagerDataSource(db.url(), FreshPostgres.USER, "");
      boolean on = "on".equals(new JdbcTemplate(postgres).queryForObject("SHOW autovacuum", String.class));
      if (on) {
        assertThat(new AutovacuumCheck(postgres).problem()).isEmpty();
      } else {
        assertThat(new AutovacuumCheck(postgres).problem()).hasValueSatisfying(warning -> assertThat(warning)
            .contains("autovacuum off").contains("ANALYZE"));
      }
    }
  }

  @Test
  void h2HasNothingToWarnAbout() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:autovacuum");
    assertThat(new AutovacuumCheck(h2).problem()).isEmpty();
  }
}
