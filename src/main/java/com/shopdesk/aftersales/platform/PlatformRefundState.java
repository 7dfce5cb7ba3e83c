package com.shopdesk.aftersales.platform;

/** Where a refund stands on the platform (Taobao's refund status), as the desk says it. */
public enum PlatformRefundState {
  WAIT_SELLER_AGREE("等待卖家同意"),
  WAIT_BUYER_RETURN_GOODS("等待买家退货"),
  WAIT_SELLER_CONFIRM_GOODS("买家已退货，等待卖家确认收货"),
  SELLER_REFUSE_BUYER("卖家已拒绝"),
  CLOSED("退款关闭"),
  SUCCESS("退款成功");

  private final String label;

  PlatformRefundState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Still waiting for the seller's answer: it can be agreed, refused or agreed for return. */
  public boolean open() {
    return this == WAIT_SELLER_AGREE || this == WAIT_BUYER_RETURN_GOODS || this == WAIT_SELLER_CONFIRM_GOODS;
  }
}
