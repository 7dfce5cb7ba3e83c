package com.shopdesk.aftersales.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * An order as the shop imports it from the platform, and as the API shows it. {@code returnWindowClosed}: the
 * platform says the 7-day no-reason window has closed; read only when there is no sign-off time to count from.
 * {@code receiptConfirmed}: the buyer confirmed receipt (确认收货) on the platform. {@code paymentChannel}: how the
 * buyer paid, which decides when a refund arrives.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Order(
    @NotBlank @Size(max = 64) String orderNo,
    @NotNull @Valid Buyer buyer,
    @NotEmpty List<@NotNull @Valid Item> items,
    @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal paidAmount,
    Boolean shippingInsurance,
    @NotNull OrderStatus status,
    @Valid Shipment shipment,
    OffsetDateTime deliveredAt,
    Boolean returnWindowClosed,
    Boolean receiptConfirmed,
    PaymentChannel paymentChannel) {

  /**
   * {@code name}: also the payee name of a transfer to the buyer's Alipay account, which Alipay checks against the
   * account's real name. {@code alipayAccount}: the buyer's Alipay login (支付宝登录号, an e-mail or mobile number),
   * optional; goodwill and compensation on a platform order whose platform refund can no longer carry it are
   * transferred there. The platform's order import does not give it (Taobao no longer shows it to sellers): an agent
   * adds it by importing the order again with it, and an import without it keeps the one known.
   */
  public record Buyer(
      @NotBlank @Size(max = 64) String id,
      @NotBlank @Size(max = 128) String name,
      @Size(max = 32) String phone,
      @Size(max = 512) String address,
      @Size(max = 100) String alipayAccount) {}

  public record Item(
      @NotBlank @Size(max = 64) String sku,
      @NotBlank @Size(max = 256) String name,
      @NotBlank @Size(max = 64) String category,
      @NotNull @Positive Integer quantity,
      @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {}

  public record Shipment(
      @NotBlank @Size(max = 32) String carrier,
      @NotBlank @Size(max = 64) String trackingNo,
      OffsetDateTime shippedAt) {}

  public boolean confirmedByBuyer() {
    return Boolean.TRUE.equals(receiptConfirmed);
  }

  public boolean insured() {
    return Boolean.TRUE.equals(shippingInsurance);
  }

  public Optional<Item> item(String sku) {
    return items.stream().filter(i -> i.sku().equals(sku)).findFirst();
  }
}
