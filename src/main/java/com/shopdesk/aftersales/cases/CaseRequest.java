package com.shopdesk.aftersales.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** A buyer's after-sales request as the desk opens it. Items default to the whole order. */
public record CaseRequest(
    @NotBlank @Size(max = 64) String orderNo,
    @NotNull RequestType request,
    @NotNull Reason reason,
    @Valid List<CaseItem> items,
    @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2) BigDecimal amount,
    @Size(max = 20) List<@NotBlank @Size(max = 1000) String> evidence,
    @Size(max = 1000) String note) {

  /** {@code replacementSku}: for an exchange, the SKU the buyer wants instead (default: the same SKU). */
  public record CaseItem(@NotBlank String sku, @NotNull @Positive Integer quantity,
      @Size(max = 64) String replacementSku) {

    public CaseItem(String sku, Integer quantity) {
      this(sku, quantity, null);
    }

    public String wantedSku() {
      return replacementSku == null || replacementSku.isBlank() ? sku : replacementSku;
    }
  }
}
