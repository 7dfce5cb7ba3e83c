package com.shopdesk.aftersales.cases;

/** What the buyer asked for on the platform. */
public enum RequestType {
  REFUND_ONLY("仅退款"),
  RETURN_REFUND("退货退款"),
  EXCHANGE("换货"),
  RESHIP("补发"),
  /** Where is my parcel, change my address, it says signed but I have nothing: the goods are the question. */
  LOGISTICS("物流问题"),
  /** The buyer complained about the shop to the platform (投诉). */
  COMPLAINT("投诉"),
  /** The buyer asked the platform to step into a refund dispute (平台介入). */
  PLATFORM_INTERVENTION("平台介入");

  private final String label;

  RequestType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A complaint or an intervention: about another case of the order, run by the process {@code complaint}. */
  public boolean complaint() {
    return this == COMPLAINT || this == PLATFORM_INTERVENTION;
  }
}
