package com.shopdesk.aftersales.cases;

/** Why the buyer asked, as the platform's after-sales form offers it. */
public enum Reason {
  NO_REASON("七天无理由"),
  PERSONAL("个人原因"),
  QUALITY("质量问题"),
  DAMAGED("商品破损"),
  NOT_AS_DESCRIBED("与描述不符"),
  WRONG_ITEM("发错货"),
  MISSING_ITEM("少件/漏发"),
  MISSING_GIFT("赠品漏发"),
  LOST("包裹丢失"),
  PICKUP_TIMEOUT("揽收超时"),
  STALLED("物流停滞");

  private final String label;

  Reason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
