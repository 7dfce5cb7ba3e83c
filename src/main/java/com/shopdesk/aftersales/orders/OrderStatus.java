package com.shopdesk.aftersales.orders;

public enum OrderStatus {
  UNSHIPPED("未发货"), SHIPPED("已发货"), DELIVERED("已签收");

  private final String label;

  OrderStatus(String label) {
    this.label = label;
  }

  /** As the desk says it. */
  public String label() {
    return label;
  }
}
