package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ShopTime;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The 7-day no-reason return window (七天无理由): 7 × 24 hours from the sign-off, to the minute, not whole days.
 * {@code deliveredAt} is null when nobody knows the sign-off time; the window is then closed only when the
 * platform said so.
 */
public record NoReasonWindow(OffsetDateTime deliveredAt, OffsetDateTime endsAt, boolean closed, long daysSinceDelivery) {
  static final Duration LENGTH = Duration.ofDays(7);

  static NoReasonWindow of(OffsetDateTime deliveredAt, boolean platformSaysClosed, OffsetDateTime now) {
    if (deliveredAt == null) {
      return new NoReasonWindow(null, null, platformSaysClosed, 0);
    }
    OffsetDateTime ends = deliveredAt.plus(LENGTH);
    return new NoReasonWindow(deliveredAt, ends, now.isAfter(ends),
        Math.max(0, Duration.between(deliveredAt, now).toDays()));
  }

  /** "2026-11-20 14:03" in the shop's time, or "签收时间未知". */
  String deliveredAtText() {
    return deliveredAt == null ? "签收时间未知" : ShopTime.minutes(deliveredAt);
  }

  String endsAtText() {
    return endsAt == null ? "以平台为准" : ShopTime.minutes(endsAt);
  }
}
