package com.shopdesk.aftersales.orders;

/**
 * How the buyer paid, which decides how long a refund takes to show: back to the Alipay balance at once, to a
 * bank card or a credit card within 2 to 10 working days.
 */
public enum PaymentChannel {
  BALANCE("余额", 0, 0),
  BANK_CARD("储蓄卡", 2, 10),
  CREDIT_CARD("信用卡", 2, 10);

  private final String label;
  private final int fromWorkingDays;
  private final int byWorkingDays;

  PaymentChannel(String label, int fromWorkingDays, int byWorkingDays) {
    this.label = label;
    this.fromWorkingDays = fromWorkingDays;
    this.byWorkingDays = byWorkingDays;
  }

  public String label() {
    return label;
  }

  public int fromWorkingDays() {
    return fromWorkingDays;
  }

  public int byWorkingDays() {
    return byWorkingDays;
  }
}
