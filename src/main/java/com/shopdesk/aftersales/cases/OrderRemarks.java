package com.shopdesk.aftersales.cases;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Remarks on the order (备注): every case outcome leaves one, as the desk's rules require, with who wrote it,
 * when, and a flag colour. The case's flag in the ledger is the one last set on purpose.
 */
@Repository
public class OrderRemarks {
  private final ApplicationEventPublisher events;
  public record Remark(long id, OffsetDateTime at, String text, String author, RemarkFlag flag) {}

  private final JdbcTemplate jdbc;

  public OrderRemarks(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
  }

  /**
   * Writes "售后 AS…：text" on the order with a blue flag, as the desk's rules want every case noted there. The
   * case takes the blue flag only when it has none yet: a flag a person set (yellow: something still owed) stays
   * until a person sets another.
   */
  public Remark add(String orderNo, String caseNo, String text, String author) {
    return insert(orderNo, caseNo, text, author, RemarkFlag.BLUE, false);
  }

  /** Writes "售后 AS…：text" on the order, flagged; the case now carries that flag in the ledger. */
  public Remark add(String orderNo, String caseNo, String text, String author, RemarkFlag flag) {
    return insert(orderNo, caseNo, text, author, flag, true);
  }

  private Remark insert(String orderNo, String caseNo, String text, String author, RemarkFlag flag,
      boolean setsFlag) {
    String written = "售后 " + caseNo + "：" + text;
    Remark remark = write(orderNo, caseNo, written, author, flag);
    jdbc.update("UPDATE cases SET remark_flag = ? WHERE case_no = ?" + (setsFlag ? "" : " AND remark_flag IS NULL"),
        flag.name(), caseNo);
    events.publishEvent(new CaseAnswers.RemarkLeft(caseNo, orderNo, written, flag));
    return remark;
  }

  /**
   * A remark on the order itself, before or apart from any case (e.g. a gift promised in chat): it belongs to no
   * case, so no case's flag changes, and every case of the order shows it.
   */
  public Remark addToOrder(String orderNo, String text, String author, RemarkFlag flag) {
    return write(orderNo, null, text, author, flag);
  }

  private Remark write(String orderNo, String caseNo, String text, String author, RemarkFlag flag) {
    KeyHolder id = new GeneratedKeyHolder();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("""
          INSERT INTO order_remarks (order_no, case_no, text, author, written_at, flag) VALUES (?, ?, ?, ?, ?, ?)""",
          new String[] {"id"});
      insert.setString(1, orderNo);
      insert.setString(2, caseNo);
      insert.setString(3, text);
      insert.setString(4, author);
      insert.setTimestamp(5, now);
      insert.setString(6, flag.name());
      return insert;
    }, id);
    return new Remark(id.getKey().longValue(), CaseLedger.time(now), text, author, flag);
  }

  /** The case's remarks and those on its order that belong to no case (a promised gift), oldest first. */
  public List<Remark> ofCase(String caseNo) {
    List<Remark> remarks = new java.util.ArrayList<>(jdbc.query(
        "SELECT * FROM order_remarks WHERE case_no = ? ORDER BY id", (rs, i) -> remark(rs), caseNo));
    jdbc.queryForList("SELECT order_no FROM cases WHERE case_no = ?", String.class, caseNo)
        .forEach(orderNo -> remarks.addAll(ofOrderOnly(orderNo)));
    remarks.sort(java.util.Comparator.comparingLong(Remark::id));
    return remarks;
  }

  /** The remarks on the order that belong to no case, oldest first. */
  public List<Remark> ofOrderOnly(String orderNo) {
    return jdbc.query("SELECT * FROM order_remarks WHERE case_no IS NULL AND order_no = ? ORDER BY id",
        (rs, i) -> remark(rs), orderNo);
  }

  private static Remark remark(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Remark(rs.getLong("id"), CaseLedger.time(rs.getTimestamp("written_at")), rs.getString("text"),
        rs.getString("author"), RemarkFlag.valueOf(rs.getString("flag")));
  }
}
