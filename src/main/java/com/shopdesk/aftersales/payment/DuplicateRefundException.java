package com.shopdesk.aftersales.payment;

/** The provider already paid a refund under this idempotency key; carries that payment's reference. */
public class DuplicateRefundException extends RuntimeException {
  private final String existingReference;

  public DuplicateRefundException(String idempotencyKey, String existingReference) {
    super("refund " + idempotencyKey + " was already paid as " + existingReference);
    this.existingReference = existingReference;
  }

  public String existingReference() {
    return existingReference;
  }
}
