package com.shopdesk.aftersales.payment;

import com.shopdesk.aftersales.api.Money;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The shop's record of refunds: one row per idempotency key. */
@Repository
public class RefundLedger {
  public enum Status { PENDING, SUCCEEDED }

  public record Refund(String caseNo, BigDecimal amount, Status status, String idempotencyKey, String reference) {}

  private final JdbcTemplate jdbc;

  public RefundLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Registers the refund before money moves; returns the existing row when the key is known. */
  public Refund begin(String caseNo, String orderNo, BigDecimal amount, String key) {
    Optional<Refund> known = find(key);
    if (known.isPresent()) {
      return known.get();
    }
    jdbc.update("""
        INSERT INTO refunds (case_no, order_no, amount, status, idempotency_key, created_at)
        VALUES (?, ?, ?, ?, ?, ?)""",
        caseNo, orderNo, Money.of(amount), Status.PENDING.name(), key, Timestamp.from(Instant.now()));
    return find(key).orElseThrow();
  }

  public void succeeded(String key, String reference) {
    jdbc.update("UPDATE refunds SET status = ?, provider_ref = ?, completed_at = ? WHERE idempotency_key = ?",
        Status.SUCCEEDED.name(), reference, Timestamp.from(Instant.now()), key);
  }

  public Optional<Refund> find(String key) {
    return jdbc.query("SELECT * FROM refunds WHERE idempotency_key = ?", (rs, i) -> refund(rs), key)
        .stream().findFirst();
  }

  public List<Refund> ofCase(String caseNo) {
    return jdbc.query("SELECT * FROM refunds WHERE case_no = ? ORDER BY id", (rs, i) -> refund(rs), caseNo);
  }

  /** Everything refunded or on its way back to the buyer for this order. */
  public BigDecimal refundedForOrder(String orderNo) {
    BigDecimal sum = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM refunds WHERE order_no = ?",
        BigDecimal.class, orderNo);
    return Money.of(sum);
  }

  private static Refund refund(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Refund(rs.getString("case_no"), rs.getBigDecimal("amount"), Status.valueOf(rs.getString("status")),
        rs.getString("idempotency_key"), rs.getString("provider_ref"));
  }
}
