package com.shopdesk.aftersales.cases;

/** What the buyer asked for on the platform. */
public enum RequestType {
  REFUND_ONLY("仅退款"),
  RETURN_REFUND("退货退款"),
  EXCHANGE("换货"),
  RESHIP("补发");

  private final String label;

  RequestType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
