package com.shopdesk.aftersales.sandbox;

import com.shopdesk.aftersales.payment.DuplicateRefundException;
import com.shopdesk.aftersales.payment.Payee;
import com.shopdesk.aftersales.payment.RefundGateway;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A stand-in payment provider: pays each idempotency key once, like the real one. A refund with a known key is
 * refused ({@link DuplicateRefundException}); a transfer to an Alipay account with a known key returns the first
 * transfer's reference, as the Alipay adapter does after asking Alipay.
 */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.payment", havingValue = "sandbox", matchIfMissing = true)
public class SandboxPayments implements RefundGateway {
  static final String REFUND = "REFUND";
  static final String TRANSFER = "TRANSFER";

  private final SandboxDatabase db;
  private final JdbcTemplate jdbc;
  private final SandboxOutages outages;

  public SandboxPayments(SandboxDatabase db, SandboxOutages outages) {
    this.db = db;
    this.jdbc = db.jdbc();
    this.outages = outages;
  }

  @Override
  public String refund(String idempotencyKey, String orderNo, BigDecimal amount) {
    return db.call(() -> {
      outages.check(SandboxOutages.SandboxSystem.PAYMENT);
      List<String> known = jdbc.queryForList("SELECT payment_ref FROM sandbox_payments WHERE idempotency_key = ?",
          String.class, idempotencyKey);
      if (!known.isEmpty()) {
        throw new DuplicateRefundException(idempotencyKey, known.get(0));
      }
      return pay(idempotencyKey, orderNo, amount, REFUND, null);
    });
  }

  @Override
  public String transfer(String idempotencyKey, String orderNo, Payee payee, BigDecimal amount) {
    return db.call(() -> {
      outages.check(SandboxOutages.SandboxSystem.PAYMENT);
      List<Map<String, Object>> known = jdbc.queryForList(
          "SELECT kind, payment_ref FROM sandbox_payments WHERE idempotency_key = ?", idempotencyKey);
      if (!known.isEmpty()) {
        if (!TRANSFER.equals(known.get(0).get("kind"))) {
          throw new IllegalStateException("支付接口拒绝转账：请求号 " + idempotencyKey + " 已用于一笔退款（"
              + known.get(0).get("payment_ref") + "）");
        }
        return (String) known.get(0).get("payment_ref");
      }
      if (payee == null || payee.alipayAccount() == null || payee.alipayAccount().isBlank()) {
        throw new IllegalStateException("支付接口拒绝转账（订单 " + orderNo + "）：PAYEE_NOT_EXIST 收款账号为空");
      }
      return pay(idempotencyKey, orderNo, amount, TRANSFER, payee);
    });
  }

  private String pay(String idempotencyKey, String orderNo, BigDecimal amount, String kind, Payee payee) {
    String reference = "SBX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    jdbc.update("""
        INSERT INTO sandbox_payments (idempotency_key, order_no, amount, payment_ref, paid_at, kind, payee_account,
          payee_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        idempotencyKey, orderNo, amount, reference, Timestamp.from(Instant.now()), kind,
        payee == null ? null : payee.alipayAccount(), payee == null ? null : payee.name());
    return reference;
  }

  /** The order's payments, oldest first: refunds of its payment and transfers to the buyer's Alipay account. */
  public List<Map<String, Object>> payments(String orderNo) {
    return jdbc.queryForList("""
        SELECT idempotency_key, kind, amount, payment_ref, payee_account, payee_name FROM sandbox_payments
        WHERE order_no = ? ORDER BY paid_at""", orderNo);
  }
}
