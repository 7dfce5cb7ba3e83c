package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Case numbers come from a database sequence instead of a per-day counter row: the counter needed its own
 * transaction (a second pooled connection per intake) so that concurrent intakes did not queue on one row.
 * The sequence starts above every number the counter handed out, so no new number repeats an old one.
 */
public class V8__CaseNumberSequence extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    long start = 1;
    try (Statement s = context.getConnection().createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(last_no), 0) FROM case_counters")) {
        if (rs.next()) {
          start = rs.getLong(1) + 1;
        }
      }
      s.execute("CREATE SEQUENCE case_no_seq START WITH " + start);
      s.execute("DROP TABLE case_counters");
    }
  }
}
