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
  STALLED("物流停滞"),
  SIGNED_NOT_RECEIVED("显示签收但未收到"),
  ADDRESS_CHANGE("修改收货地址"),
  NO_SERVICE("快递不到/停发地区"),
  NO_TRACKING("查不到物流"),
  SERVICE_POOR("服务问题"),
  PROMISE_BROKEN("承诺未履行"),
  RUDE_AGENT("客服态度"),
  PRICE_DIFFERENCE("退差价", true),
  SHIPPING_FEE("退运费", true),
  OVERPAID_SHIPPING("多付邮费", true),
  DISCOUNT_MISSED("优惠未使用", true);

  private final String label;
  private final boolean moneyOnly;

  Reason(String label) {
    this(label, false);
  }

  Reason(String label, boolean moneyOnly) {
    this.label = label;
    this.moneyOnly = moneyOnly;
  }

  /** Money back and nothing else: no goods come back and nothing is stopped (仅退款：退差价、运费). */
  public boolean moneyOnly() {
    return moneyOnly;
  }

  public String label() {
    return label;
  }
}
