package com.shopdesk.aftersales.platform;

/** The sales platform's seller API (Taobao Open Platform): what the desk asks it to do for an order. */
public interface PlatformGateway {

  /**
   * Extends the time the buyer has to confirm receipt (延长收货) by {@code days}, so the order does not complete and
   * pay out while a return or exchange is under way. Repeating it for the same order is harmless. False when the
   * platform says the order no longer waits for the buyer's confirmation (confirmed, or closed), so nothing was done.
   */
  boolean extendReceipt(String orderNo, int days);
}
