package com.shopdesk.aftersales.platform;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the platform's refund list incrementally, by the platform's modified time, and hands each refund to the
 * intake. How far it has read (the watermark) is kept in {@code platform_watermarks}, so a restart reads on from
 * there; each read starts {@code aftersales.platform.lookback} before it, because a change the platform wrote just
 * before the last read can show up late, and the intake takes a refund seen twice once. The watermark moves only
 * over refunds taken in: when one fails (the platform unreachable fetching its order, the database), the read stops
 * before it and the next one starts there. Why the last read failed is kept for managers
 * ({@code GET /api/platform-refunds/feed}). Once per cluster, every {@code aftersales.platform.poll-interval}.
 */
@Component
public class PlatformRefundFeed {
  static final String FEED = "refunds";
  private static final Logger log = LoggerFactory.getLogger(PlatformRefundFeed.class);

  private final PlatformGateway platform;
  private final PlatformRefundIntake intake;
  private final JdbcTemplate jdbc;
  private final Duration lookback;
  private final Duration firstRead;

  public PlatformRefundFeed(PlatformGateway platform, PlatformRefundIntake intake, JdbcTemplate jdbc,
      @Value("${aftersales.platform.lookback:PT10M}") Duration lookback,
      @Value("${aftersales.platform.first-read:P1D}") Duration firstRead) {
    this.platform = platform;
    this.intake = intake;
    this.jdbc = jdbc;
    this.lookback = lookback;
    this.firstRead = firstRead;
  }

  /** How far the feed has read, and why its last read failed (null when it did not). */
  public record Status(Instant readTo, String lastError, Instant lastErrorAt) {}

  @Scheduled(fixedDelayString = "${aftersales.platform.poll-interval:PT1M}",
      initialDelayString = "${aftersales.platform.poll-interval:PT1M}")
  // a node killed mid-read holds the lock until lockAtMostFor: short, since two reads at once take each refund once
  @SchedulerLock(name = "platform-refund-feed", lockAtLeastFor = "PT5S", lockAtMostFor = "PT1M")
  public void pollOnSchedule() {
    poll();
  }

  /** Reads the refunds changed since the watermark; returns how many were taken in. */
  public synchronized int poll() {
    Instant readTo = status().readTo();
    Instant from = (readTo == null ? Instant.now().minus(firstRead) : readTo).minus(lookback);
    Instant to = Instant.now();
    List<PlatformRefund> refunds;
    try {
      refunds = platform.refundsModified(from, to).stream()
          .sorted(Comparator.comparing(PlatformRefund::modified)).toList();
    } catch (RuntimeException e) {
      failed("读取平台退款列表失败：" + e.getMessage(), e);
      return 0;
    }
    int took = 0;
    for (PlatformRefund refund : refunds) {
      try {
        intake.receive(refund);
        took++;
      } catch (RuntimeException e) {
        // the next read starts at this refund (it starts lookback before the watermark)
        Instant next = refund.modified().plus(lookback);
        advance(next.isBefore(to) ? next : to);
        failed("平台退款单 " + refund.refundId() + "（订单 " + refund.orderNo() + "）未能处理：" + e.getMessage(), e);
        return took;
      }
    }
    advance(to);
    jdbc.update("UPDATE platform_watermarks SET last_error = NULL, last_error_at = NULL WHERE feed = ?", FEED);
    return took;
  }

  public Status status() {
    return jdbc.query("SELECT read_to, last_error, last_error_at FROM platform_watermarks WHERE feed = ?",
        (rs, i) -> new Status(rs.getTimestamp("read_to").toInstant(), rs.getString("last_error"),
            rs.getTimestamp("last_error_at") == null ? null : rs.getTimestamp("last_error_at").toInstant()), FEED)
        .stream().findFirst().orElse(new Status(null, null, null));
  }

  /** The next read starts {@code lookback} before {@code readTo}; a watermark never moves back. */
  private void advance(Instant readTo) {
    Instant current = status().readTo();
    if (current != null && !readTo.isAfter(current)) {
      return;
    }
    if (jdbc.update("UPDATE platform_watermarks SET read_to = ? WHERE feed = ?", Timestamp.from(readTo), FEED) == 0) {
      jdbc.update("INSERT INTO platform_watermarks (feed, read_to) VALUES (?, ?)", FEED, Timestamp.from(readTo));
    }
  }

  private void failed(String why, RuntimeException e) {
    log.warn("Platform refund feed: {}", why, e);
    String text = why.length() > 1000 ? why.substring(0, 1000) : why;
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.update("UPDATE platform_watermarks SET last_error = ?, last_error_at = ? WHERE feed = ?", text, now,
        FEED) == 0) {
      Instant readTo = Instant.now().minus(firstRead);
      jdbc.update("INSERT INTO platform_watermarks (feed, read_to, last_error, last_error_at) VALUES (?, ?, ?, ?)",
          FEED, Timestamp.from(readTo), text, now);
    }
  }
}
