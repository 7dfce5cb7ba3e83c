package com.shopdesk.aftersales.platform.top;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.platform.PlatformGateway;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Taobao/Tmall as the desk's sales platform ({@code aftersales.adapters.platform=taobao}), over {@link TopClient}.
 * <p>
 * 延长收货 ({@code taobao.trade.receivetime.delay}) is made safe to repeat: before asking, the desk reads the order's
 * confirm-receipt deadline ({@code taobao.trade.get}, {@code timeout_action_time}) and keeps it, outside the step's
 * transaction, in {@code platform_calls}. A retry after an answer that never arrived reads the deadline again: if
 * it moved by the days asked, the platform did it, and it is not asked twice. An order that no longer waits for the
 * buyer's confirmation ({@code status} other than WAIT_BUYER_CONFIRM_GOODS) is not extended.
 */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.platform", havingValue = "taobao")
@EnableConfigurationProperties(TopSettings.class)
public class TaobaoPlatform implements PlatformGateway {
  private static final DateTimeFormatter TOP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String WAITING_FOR_BUYER = "WAIT_BUYER_CONFIRM_GOODS";

  private final TopClient top;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public TaobaoPlatform(TopSettings settings, ObjectMapper json, JdbcTemplate jdbc,
      PlatformTransactionManager transactions) {
    settings.check();
    this.top = new TopClient(settings, json);
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public boolean extendReceipt(String orderNo, int days) {
    JsonNode trade = top.call("taobao.trade.get", Map.of("tid", orderNo, "fields", "tid,status,timeout_action_time"))
        .path("trade");
    if (!WAITING_FOR_BUYER.equals(trade.path("status").asText())) {
      return false;
    }
    String deadline = trade.path("timeout_action_time").asText();
    String key = orderNo + ":receivetime.delay";
    List<String> before = jdbc.queryForList("SELECT observed FROM platform_calls WHERE call_key = ?", String.class, key);
    if (!before.isEmpty() && movedBy(before.get(0), deadline, days)) {
      return true; // asked before; the answer was lost, but the platform extended it
    }
    if (before.isEmpty()) {
      ownTransaction.executeWithoutResult(status -> jdbc.update(
          "INSERT INTO platform_calls (call_key, observed, created_at) VALUES (?, ?, ?)", key, deadline,
          Timestamp.from(Instant.now())));
    }
    top.call("taobao.trade.receivetime.delay", Map.of("tid", orderNo, "days", String.valueOf(days)));
    return true;
  }

  private static boolean movedBy(String before, String now, int days) {
    try {
      return !Duration.between(LocalDateTime.parse(before, TOP_TIME), LocalDateTime.parse(now, TOP_TIME))
          .minusDays(days).isNegative();
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  // TEMP placeholders until the helper's adapter lands
  @Override public java.util.List<com.shopdesk.aftersales.platform.PlatformRefund> refundsModified(Instant f, Instant t) { throw new UnsupportedOperationException(); }
  @Override public java.util.Optional<com.shopdesk.aftersales.orders.Order> order(String o) { throw new UnsupportedOperationException(); }
  @Override public String agreeRefund(String r, java.math.BigDecimal a) { throw new UnsupportedOperationException(); }
  @Override public void refuseRefund(String r, String reason) { throw new UnsupportedOperationException(); }
  @Override public void agreeReturn(String r, String a) { throw new UnsupportedOperationException(); }
  @Override public void leaveMemo(String o, String t, com.shopdesk.aftersales.cases.RemarkFlag f) { throw new UnsupportedOperationException(); }
  @Override public void leaveMessage(String r, String t) { throw new UnsupportedOperationException(); }
}
