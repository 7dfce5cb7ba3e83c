package com.shopdesk.aftersales.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Remarks on the order (备注): every case outcome leaves one, as the desk's rules require. */
@Repository
public class OrderRemarks {
  public record Remark(OffsetDateTime at, String text, String author) {}

  private final JdbcTemplate jdbc;

  public OrderRemarks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes "售后 AS…：text" on the order, as the desk's rules want every case noted there. */
  public void add(String orderNo, String caseNo, String text, String author) {
    jdbc.update("INSERT INTO order_remarks (order_no, case_no, text, author, written_at) VALUES (?, ?, ?, ?, ?)",
        orderNo, caseNo, "售后 " + caseNo + "：" + text, author, Timestamp.from(Instant.now()));
  }

  public List<Remark> ofCase(String caseNo) {
    return jdbc.query("SELECT * FROM order_remarks WHERE case_no = ? ORDER BY id", (rs, i) -> new Remark(
        CaseLedger.time(rs.getTimestamp("written_at")), rs.getString("text"), rs.getString("author")), caseNo);
  }
}
