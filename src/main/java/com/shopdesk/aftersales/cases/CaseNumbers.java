package com.shopdesk.aftersales.cases;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Hands out case numbers people can read out on the phone: the shop day and a running number,
 * AS20261123-000042. The number comes from a database sequence on the intake's own connection, so concurrent
 * intakes neither wait on each other nor take a second connection; a refused case leaves a harmless gap.
 */
@Component
public class CaseNumbers {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final String SEQUENCE = "case_no_seq";
  private final DataFieldMaxValueIncrementer sequence;
  private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

  public CaseNumbers(DataSource dataSource) throws Exception {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.sequence = product.toLowerCase().contains("postgres")
        ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
        : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  public String next() {
    return "AS%s-%06d".formatted(LocalDate.now(clock).format(DAY), sequence.nextLongValue());
  }
}
