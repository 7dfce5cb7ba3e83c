package com.shopdesk.aftersales.payment;

import java.math.BigDecimal;

/** The payment provider's refund API. Implementations must refuse a second refund with the same key. */
public interface RefundGateway {

  /** Pays the refund and returns the provider's reference; throws DuplicateRefundException on a known key. */
  String refund(String idempotencyKey, String orderNo, BigDecimal amount);
}
