package com.shopdesk.aftersales.payment;

import java.math.BigDecimal;

/**
 * The payment provider's API for money going back to a buyer. Implementations must never pay twice under one
 * idempotency key.
 */
public interface RefundGateway {

  /**
   * Refunds part of the order's own payment (for orders the shop took payment for itself) and returns the provider's
   * reference; throws DuplicateRefundException on a known key.
   */
  String refund(String idempotencyKey, String orderNo, BigDecimal amount);

  /**
   * Pays {@code amount} from the shop's own account to the buyer's Alipay account ({@code payee}), once per
   * {@code idempotencyKey}: for goodwill and compensation on an order the platform took payment for, when the
   * platform's own refund can no longer carry it. Returns the provider's reference of the transfer. A call with a
   * key that was paid already pays nothing and returns that first transfer's reference, so a retried step simply
   * goes on. A refusal (no such account, name not matching, balance too low) and an answer that does not say
   * clearly whether it was paid are exceptions whose message says what the provider said.
   */
  String transfer(String idempotencyKey, String orderNo, Payee payee, BigDecimal amount);
}
