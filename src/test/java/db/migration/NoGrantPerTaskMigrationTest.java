package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.operations.FreshPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/**
 * V11 on both databases: grants on single tasks go, grants on all tasks and on anything else stay, and a database
 * the engine has not created its tables in yet (Flyway may run first) is left alone.
 */
class NoGrantPerTaskMigrationTest {

  @Test
  void onH2() throws Exception {
    try (Connection empty = DriverManager.getConnection("jdbc:h2:mem:v11-empty", "sa", "");
         Connection engine = DriverManager.getConnection("jdbc:h2:mem:v11-engine", "sa", "")) {
      migrate(empty);
      assertThat(grantsAfterMigrating(engine)).containsExactly("7:*", "8:filter-1");
    }
  }

  @Test
  void onPostgres() throws Exception {
    try (FreshPostgres db = FreshPostgres.create("aftersales_v11")) {
      try (Connection connection = db.connect()) {
        migrate(connection);
        assertThat(grantsAfterMigrating(connection)).containsExactly("7:*", "8:filter-1");
      }
    }
  }

  /** The engine's table with grants of each kind (7 task, 8 filter), as an older desk left them. */
  private static List<String> grantsAfterMigrating(Connection connection) throws Exception {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE ACT_RU_AUTHORIZATION (ID_ VARCHAR(64) PRIMARY KEY, TYPE_ INTEGER, GROUP_ID_ VARCHAR(255),"
          + " USER_ID_ VARCHAR(255), RESOURCE_TYPE_ INTEGER, RESOURCE_ID_ VARCHAR(255), PERMS_ INTEGER)");
      s.execute("INSERT INTO ACT_RU_AUTHORIZATION VALUES ('1', 1, 'agents', NULL, 7, 'task-1', 16450),"
          + " ('2', 1, NULL, 'agent1', 7, 'task-1', 16450), ('3', 1, 'warehouse', NULL, 7, 'task-2', 6),"
          + " ('4', 1, 'managers', NULL, 7, '*', 2147483647), ('5', 1, 'agents', NULL, 8, 'filter-1', 2)");
    }
    migrate(connection);
    List<String> left = new ArrayList<>();
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("SELECT RESOURCE_TYPE_, RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION ORDER BY ID_")) {
      while (rs.next()) {
        left.add(rs.getInt(1) + ":" + rs.getString(2));
      }
    }
    return left;
  }

  private static void migrate(Connection connection) throws Exception {
    new V11__NoGrantPerTask().migrate(new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    });
  }
}
