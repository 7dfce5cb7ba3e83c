package com.shopdesk.aftersales.sandbox;

import com.shopdesk.aftersales.platform.PlatformGateway;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A stand-in for the platform's seller API: records each order's receipt extension once. */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.platform", havingValue = "sandbox", matchIfMissing = true)
public class SandboxPlatform implements PlatformGateway {
  private final SandboxDatabase db;
  private final JdbcTemplate jdbc;
  private final SandboxOutages outages;

  public SandboxPlatform(SandboxDatabase db, SandboxOutages outages) {
    this.db = db;
    this.jdbc = db.jdbc();
    this.outages = outages;
  }

  @Override
  public boolean extendReceipt(String orderNo, int days) {
    db.run(() -> {
      outages.check(SandboxOutages.SandboxSystem.PLATFORM);
      if (extendedDays(orderNo).isEmpty()) {
        jdbc.update("INSERT INTO sandbox_receipt_extensions (order_no, days, extended_at) VALUES (?, ?, ?)",
            orderNo, days, Timestamp.from(Instant.now()));
      }
    });
    return true;
  }

  /** The days the platform extended the order's receipt by, if it did. */
  public List<Integer> extendedDays(String orderNo) {
    return jdbc.queryForList("SELECT days FROM sandbox_receipt_extensions WHERE order_no = ?", Integer.class, orderNo);
  }
}
