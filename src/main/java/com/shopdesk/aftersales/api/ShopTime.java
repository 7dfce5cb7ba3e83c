package com.shopdesk.aftersales.api;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The shop's clock: times read from the database, and times as the desk and the buyer read them. */
public final class ShopTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private ShopTime() {}

  /** A stored time in the shop's zone; null stays null. */
  public static OffsetDateTime of(Timestamp ts) {
    return ts == null ? null : ts.toInstant().atZone(ZONE).toOffsetDateTime();
  }

  /** "2026-11-20 14:03", in the shop's zone. */
  public static String minutes(OffsetDateTime at) {
    return MINUTES.format(at.atZoneSameInstant(ZONE));
  }
}
