package com.shopdesk.aftersales.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What happened in a case, in order: intake, calls to other systems, decisions, messages to the buyer. */
@Repository
public class CaseTimeline {
  public enum Kind { OPENED, STEP, TASK_DONE, BUYER_MESSAGE, REFUND, CORRECTED, WITHDRAWN, CLOSED }

  public record Entry(OffsetDateTime at, Kind kind, String text, String actor) {}

  private final JdbcTemplate jdbc;

  public CaseTimeline(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String caseNo, Kind kind, String text, String actor) {
    jdbc.update("INSERT INTO case_timeline (case_no, happened_at, kind, text, actor) VALUES (?, ?, ?, ?, ?)",
        caseNo, Timestamp.from(Instant.now()), kind.name(), text, actor);
  }

  public List<Entry> of(String caseNo) {
    return jdbc.query("SELECT * FROM case_timeline WHERE case_no = ? ORDER BY id", (rs, i) -> new Entry(
        CaseLedger.time(rs.getTimestamp("happened_at")), Kind.valueOf(rs.getString("kind")), rs.getString("text"),
        rs.getString("actor")), caseNo);
  }
}
