package com.shopdesk.aftersales.returns;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The parcel the buyer sent back, as they enter it: carrier, tracking number, the shipping fee they paid. */
public record ReturnShipment(
    @NotBlank @Size(max = 32) String carrier,
    @NotBlank @Size(max = 64) String trackingNo,
    @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 6, fraction = 2) BigDecimal shippingFee) {}
