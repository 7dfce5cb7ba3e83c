package com.shopdesk.aftersales.payment;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.api.ShopTime;
import com.shopdesk.aftersales.orders.OrderRepository;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The shop's record of refunds: one row per idempotency key. */
@Repository
public class RefundLedger {
  public enum Status { PENDING, SUCCEEDED }

  /** {@code paidAt}: when the provider paid it, null while pending. */
  public record Refund(String caseNo, BigDecimal amount, Status status, String idempotencyKey, String reference,
      OffsetDateTime paidAt) {}

  private final JdbcTemplate jdbc;
  private final OrderRepository orders;

  public RefundLedger(JdbcTemplate jdbc, OrderRepository orders) {
    this.jdbc = jdbc;
    this.orders = orders;
  }

  /**
   * Registers the refund before money moves; returns the existing row when the key is known. A new refund must
   * be more than zero, and its goods money (the amount less the {@code shipping} it pays back) at most what the
   * order has left to refund: {@code paid} less the goods money of every refund so far. The order's row is held
   * from the check to the end of the caller's transaction, so two cases paying at once never pay more than paid.
   */
  public Refund begin(String caseNo, String orderNo, BigDecimal amount, BigDecimal shipping, String key,
      BigDecimal paid) {
    Optional<Refund> known = find(key);
    if (known.isPresent()) {
      return known.get();
    }
    orders.lock(orderNo);
    known = find(key); // a retry of this very step that was running while we waited for the lock
    if (known.isPresent()) {
      return known.get();
    }
    // the platform already paid the buyer this money after judging a complaint on this case: paid, not again
    known = paidByPlatformFor(caseNo, amount);
    if (known.isPresent()) {
      return known.get();
    }
    // a withdrawal that closed the case while this step waited for the order: the step is going away with the case
    List<String> closed = jdbc.queryForList("SELECT resolution FROM cases WHERE case_no = ? AND status = 'CLOSED'",
        String.class, caseNo);
    if (!closed.isEmpty()) {
      throw RefundNotPayableException.caseClosed(caseNo, closed.get(0));
    }
    BigDecimal refundable = Money.of(paid.subtract(refundedForOrder(orderNo)));
    if (amount.signum() <= 0 || shipping.signum() < 0 || shipping.compareTo(amount) > 0
        || amount.subtract(shipping).compareTo(refundable) > 0) {
      throw new RefundNotPayableException(orderNo, amount, refundable.add(shipping));
    }
    jdbc.update("""
        INSERT INTO refunds (case_no, order_no, amount, shipping_amount, status, idempotency_key, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        caseNo, orderNo, Money.of(amount), Money.of(shipping), Status.PENDING.name(), key,
        Timestamp.from(Instant.now()));
    return find(key).orElseThrow();
  }

  /**
   * Records a refund the platform paid the buyer itself after judging a complaint or an intervention against the
   * shop (平台判定退款): paid already, by the platform, so nothing moves here. {@code caseNo} is the complaint's case,
   * {@code coversCaseNo} the case the complaint is about, whose own refund steps then take it as paid (see
   * {@link #begin}). Recorded once per key; the goods money counts against what the order has left to refund.
   */
  public Refund recordPaidByPlatform(String caseNo, String coversCaseNo, String orderNo, BigDecimal amount, String key,
      String reference) {
    Optional<Refund> known = find(key);
    if (known.isPresent()) {
      return known.get();
    }
    orders.lock(orderNo);
    known = find(key);
    if (known.isPresent()) {
      return known.get();
    }
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("""
        INSERT INTO refunds (case_no, order_no, amount, shipping_amount, status, idempotency_key, provider_ref,
          created_at, completed_at, paid_by, covers_case_no) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, 'PLATFORM', ?)""",
        caseNo, orderNo, Money.of(amount), Status.SUCCEEDED.name(), key, reference, now, now, coversCaseNo);
    return find(key).orElseThrow();
  }

  /**
   * The platform's payment for a complaint about this case that covers {@code amount}, if any: a refund step of the
   * case asking for that much (or less) has been paid by the platform already.
   */
  public Optional<Refund> paidByPlatformFor(String caseNo, BigDecimal amount) {
    return jdbc.query("""
        SELECT * FROM refunds WHERE covers_case_no = ? AND paid_by = 'PLATFORM' AND amount >= ?
        ORDER BY id FETCH FIRST 1 ROWS ONLY""", (rs, i) -> refund(rs), caseNo, Money.of(amount)).stream().findFirst();
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

  /** The goods money refunded or on its way back to the buyer for this order (return shipping paid back aside). */
  public BigDecimal refundedForOrder(String orderNo) {
    BigDecimal sum = jdbc.queryForObject(
        "SELECT COALESCE(SUM(amount - shipping_amount), 0) FROM refunds WHERE order_no = ?",
        BigDecimal.class, orderNo);
    return Money.of(sum);
  }

  private static Refund refund(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Refund(rs.getString("case_no"), rs.getBigDecimal("amount"), Status.valueOf(rs.getString("status")),
        rs.getString("idempotency_key"), rs.getString("provider_ref"), ShopTime.of(rs.getTimestamp("completed_at")));
  }
}
