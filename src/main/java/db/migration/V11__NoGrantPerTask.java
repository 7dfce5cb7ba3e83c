package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Removes the grants on single tasks. The engine wrote one for each task's assignee, owner and each person or group
 * it was offered to; who reads and works a task now follows from those directly (guard/tasks), and the rows, one or
 * more per open task, made every check of a desk login read a table as long as the queue. Grants on all tasks ("*")
 * stay. The engine creates its tables itself, possibly after this runs: without them there is nothing to remove.
 */
public class V11__NoGrantPerTask extends BaseJavaMigration {
  private static final int TASK = 7;

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!hasTable(connection, "ACT_RU_AUTHORIZATION")) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = ? AND RESOURCE_ID_ <> '*'")) {
      delete.setInt(1, TASK);
      delete.executeUpdate();
    }
  }

  /** PostgreSQL keeps unquoted names in lower case, H2 in upper case. */
  private static boolean hasTable(Connection connection, String name) throws Exception {
    for (String spelled : new String[] {name, name.toLowerCase()}) {
      try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
          spelled, new String[] {"TABLE"})) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
