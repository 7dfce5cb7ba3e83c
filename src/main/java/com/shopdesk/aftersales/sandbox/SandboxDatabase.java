package com.shopdesk.aftersales.sandbox;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stand-ins are other companies' systems: they keep their tables in the shop's database for
 * convenience, but reach them through a small pool of their own and commit on their own, as a payment
 * provider does. So a job that calls the sandbox holds one connection of the shop's pool, never two, and what
 * the sandbox did (a payment) stays done when the job rolls back, which is what the idempotency keys are for.
 */
@Component
public class SandboxDatabase implements DisposableBean {
  private final HikariDataSource pool;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public SandboxDatabase(DataSourceProperties shop) {
    pool = shop.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("sandbox");
    pool.setMaximumPoolSize(4);
    pool.setMinimumIdle(0);
    jdbc = new JdbcTemplate(pool);
    ownTransaction = new TransactionTemplate(new JdbcTransactionManager(pool));
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  JdbcTemplate jdbc() {
    return jdbc;
  }

  /** The next number of one of the stand-ins' sequences (a platform's refund numbers). */
  long next(String sequence) {
    try (var connection = pool.getConnection()) {
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      return (postgres ? new PostgresSequenceMaxValueIncrementer(pool, sequence)
          : new H2SequenceMaxValueIncrementer(pool, sequence)).nextLongValue();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs one call of a stand-in system in its own transaction on the sandbox's pool. */
  <T> T call(Supplier<T> work) {
    return ownTransaction.execute(tx -> work.get());
  }

  void run(Runnable work) {
    ownTransaction.executeWithoutResult(tx -> work.run());
  }

  @Override
  public void destroy() {
    pool.close();
  }
}
