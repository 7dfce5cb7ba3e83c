package com.shopdesk.aftersales.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are CNY with two decimal places everywhere: in the API, the ledger and process variables. */
public final class Money {
  private Money() {}

  public static BigDecimal of(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  /** Process variables hold amounts as doubles so Cockpit and forms show them; back to exact cents here. */
  public static BigDecimal of(Number value) {
    return value instanceof BigDecimal d ? of(d) : of(BigDecimal.valueOf(value.doubleValue()));
  }

  public static String format(BigDecimal value) {
    return "¥" + of(value).toPlainString();
  }
}
