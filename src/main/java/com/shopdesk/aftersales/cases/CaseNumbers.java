package com.shopdesk.aftersales.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case numbers people can read out on the phone: AS20261123-000042, counted per shop day.
 * The counter moves in its own short transaction so concurrent intakes never wait on each other; a case
 * that is refused afterwards leaves a gap in the numbers, which is harmless.
 */
@Component
public class CaseNumbers {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

  public CaseNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next() {
    String day = LocalDate.now(clock).format(DAY);
    for (int attempt = 0; ; attempt++) {
      try {
        Integer no = ownTransaction.execute(tx -> {
          if (jdbc.update("UPDATE case_counters SET last_no = last_no + 1 WHERE counter_day = ?", day) == 0) {
            jdbc.update("INSERT INTO case_counters (counter_day, last_no) VALUES (?, 1)", day);
          }
          return jdbc.queryForObject("SELECT last_no FROM case_counters WHERE counter_day = ?", Integer.class, day);
        });
        return "AS%s-%06d".formatted(day, no);
      } catch (DuplicateKeyException firstOfTheDayRaced) {
        if (attempt >= 2) throw firstOfTheDayRaced;
      }
    }
  }
}
