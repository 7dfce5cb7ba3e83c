package com.shopdesk.aftersales.sandbox;

import com.shopdesk.aftersales.payment.DuplicateRefundException;
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

/** A stand-in payment provider: pays each idempotency key once and refuses it afterwards, like the real one. */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.payment", havingValue = "sandbox", matchIfMissing = true)
public class SandboxPayments implements RefundGateway {
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
      String reference = "SBX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
      jdbc.update("INSERT INTO sandbox_payments (idempotency_key, order_no, amount, payment_ref, paid_at) VALUES (?, ?, ?, ?, ?)",
          idempotencyKey, orderNo, amount, reference, Timestamp.from(Instant.now()));
      return reference;
    });
  }

  public List<Map<String, Object>> payments(String orderNo) {
    return jdbc.queryForList("SELECT idempotency_key, amount, payment_ref FROM sandbox_payments WHERE order_no = ? "
        + "ORDER BY paid_at", orderNo);
  }
}
