package com.shopdesk.aftersales.platform;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The platform's refund requests the desk has taken in ({@code platform_refunds}): the case each became and the
 * last state taken in. A case handed over to another (a failed interception becoming a return) keeps the refund:
 * the refund of a case is found through the cases it was linked from.
 */
@Repository
public class PlatformCases {
  private final JdbcTemplate jdbc;

  public PlatformCases(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A refund as the desk last took it in; {@code caseNo} null when no case was opened, {@code note} says why. */
  public record Taken(String refundId, String orderNo, String caseNo, PlatformRefundState state, boolean goodsReturned,
      BigDecimal amount, String reason, String returnTrackingNo, boolean intervened, Instant modified, String agreedKey,
      String note, Instant receivedAt) {}

  public Optional<Taken> find(String refundId) {
    return jdbc.query("SELECT * FROM platform_refunds WHERE refund_id = ?", PlatformCases::taken, refundId).stream()
        .findFirst();
  }

  /** The row, held until the transaction ends, so two readers of the same refund take turns. */
  Optional<Taken> lock(String refundId) {
    return jdbc.query("SELECT * FROM platform_refunds WHERE refund_id = ? FOR UPDATE", PlatformCases::taken, refundId)
        .stream().findFirst();
  }

  void insert(PlatformRefund refund, String caseNo, String note) {
    jdbc.update("""
        INSERT INTO platform_refunds (refund_id, order_no, case_no, state, goods_returned, amount, reason,
          return_tracking_no, intervened, modified, note, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        refund.refundId(), refund.orderNo(), caseNo, refund.state().name(), refund.goodsReturned(), refund.amount(), refund.reason(),
        null, false, Timestamp.from(refund.modified()), note, Timestamp.from(Instant.now()));
  }

  void openedCase(String refundId, String caseNo) {
    jdbc.update("UPDATE platform_refunds SET case_no = ? WHERE refund_id = ?", caseNo, refundId);
  }

  void noted(String refundId, String note) {
    jdbc.update("UPDATE platform_refunds SET note = ? WHERE refund_id = ?", note, refundId);
  }

  void tookTracking(String refundId, String trackingNo) {
    jdbc.update("UPDATE platform_refunds SET return_tracking_no = ? WHERE refund_id = ?", trackingNo, refundId);
  }

  void tookIntervention(String refundId) {
    jdbc.update("UPDATE platform_refunds SET intervened = TRUE WHERE refund_id = ?", refundId);
  }

  void tookState(String refundId, PlatformRefundState state, Instant modified) {
    jdbc.update("UPDATE platform_refunds SET state = ?, modified = ? WHERE refund_id = ?", state.name(),
        Timestamp.from(modified), refundId);
  }

  /** Takes in the refund's state as the platform now shows it. */
  void update(PlatformRefund refund) {
    jdbc.update("UPDATE platform_refunds SET state = ?, return_tracking_no = ?, intervened = ?, modified = ? "
            + "WHERE refund_id = ?", refund.state().name(), refund.returnTrackingNo(), refund.intervened(),
        Timestamp.from(refund.modified()), refund.refundId());
  }

  /** The platform refund a case answers: its own, or that of the case it was handed over from. */
  public Optional<Taken> ofCase(String caseNo) {
    String current = caseNo;
    for (int hop = 0; current != null && hop < 10; hop++) {
      Optional<Taken> taken = jdbc.query("SELECT * FROM platform_refunds WHERE case_no = ?", PlatformCases::taken,
          current).stream().findFirst();
      if (taken.isPresent()) {
        return taken;
      }
      current = jdbc.queryForList("SELECT linked_from FROM cases WHERE case_no = ? AND linked_from IS NOT NULL",
          String.class, current).stream().findFirst().orElse(null);
    }
    return Optional.empty();
  }

  /** The case now working the refund: the one it opened, or the newest handed over from it. */
  public String currentCase(String caseNo) {
    String current = caseNo;
    for (int hop = 0; hop < 10; hop++) {
      Optional<String> next = jdbc.queryForList("SELECT case_no FROM cases WHERE linked_from = ? ORDER BY opened_at "
          + "DESC", String.class, current).stream().findFirst();
      if (next.isEmpty()) {
        return current;
      }
      current = next.get();
    }
    return current;
  }

  /**
   * The platform refund a refund step of this case pays by agreeing it, if any: the case's refund while the platform
   * still waits for the seller, not yet agreed by another step of the case. Also one the platform paid by itself (the
   * seller's time to answer ran out, its customer service decided): agreeing it again moves no money, and the step
   * records the platform's refund instead of paying a second time. A further payment on the same case (a
   * compensation after the refund) goes to the payment provider instead.
   */
  public Optional<String> refundToAgree(String caseNo, String stepKey) {
    return ofCase(caseNo).filter(t -> t.agreedKey() == null
            ? t.state().open() || t.state() == PlatformRefundState.SUCCESS
            : t.agreedKey().equals(stepKey))
        .map(Taken::refundId);
  }

  public void agreedBy(String refundId, String stepKey) {
    jdbc.update("UPDATE platform_refunds SET agreed_key = ? WHERE refund_id = ?", stepKey, refundId);
  }

  /** Refunds no case was opened for, newest first: for an agent to open by hand or answer on the platform. */
  public List<Taken> unopened(int limit) {
    return jdbc.query("SELECT * FROM platform_refunds WHERE case_no IS NULL ORDER BY received_at DESC "
        + "FETCH FIRST " + limit + " ROWS ONLY", PlatformCases::taken);
  }

  private static Taken taken(ResultSet rs, int row) throws SQLException {
    Timestamp received = rs.getTimestamp("received_at");
    return new Taken(rs.getString("refund_id"), rs.getString("order_no"), rs.getString("case_no"),
        PlatformRefundState.valueOf(rs.getString("state")), rs.getBoolean("goods_returned"), rs.getBigDecimal("amount"), rs.getString("reason"),
        rs.getString("return_tracking_no"), rs.getBoolean("intervened"), rs.getTimestamp("modified").toInstant(),
        rs.getString("agreed_key"), rs.getString("note"), received.toInstant());
  }
}
