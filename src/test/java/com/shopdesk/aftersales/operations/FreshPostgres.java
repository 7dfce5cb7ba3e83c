package com.shopdesk.aftersales.operations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * An empty database on the local PostgreSQL (127.0.0.1:5432, trust auth, user postgres), made for one test
 * and dropped after it. Where no PostgreSQL listens, the test is skipped saying so.
 */
public final class FreshPostgres implements AutoCloseable {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  public static final String USER = "postgres";
  private final String database;

  private FreshPostgres(String database) {
    this.database = database;
  }

  public static FreshPostgres create(String prefix) {
    String database = prefix + "_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    } catch (SQLException unreachable) {
      Assumptions.abort("No PostgreSQL on 127.0.0.1:5432 (" + unreachable.getMessage()
          + "); start one with trust auth for user postgres to run this test");
    }
    return new FreshPostgres(database);
  }

  public String url() {
    return SERVER + database;
  }

  public String name() {
    return database;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, "");
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
         Statement s = c.createStatement()) {
      // a killed child's sessions may linger for a moment
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }
}
