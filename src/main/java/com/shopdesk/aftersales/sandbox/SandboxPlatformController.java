package com.shopdesk.aftersales.sandbox;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.platform.PlatformRefund;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox platform's buyer side: sell an order on it, then press 申请退款, enter the return parcel, cancel, or have
 * the platform step in, as a buyer and the platform would. The shop's intake finds each change the next time it
 * reads the platform's refund list; {@code GET /sandbox/platform/refunds/{refundId}} shows what the shop answered.
 */
@RestController
@RequestMapping("/sandbox/platform")
@ConditionalOnProperty(name = "aftersales.adapters.platform", havingValue = "sandbox", matchIfMissing = true)
public class SandboxPlatformController {
  private final SandboxPlatform platform;

  public SandboxPlatformController(SandboxPlatform platform) {
    this.platform = platform;
  }

  /** The order as the platform sold it; selling the same order number again replaces it. */
  @PutMapping("/orders/{orderNo}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void sell(@PathVariable @Size(max = 64) String orderNo, @Valid @RequestBody Order order) {
    if (!orderNo.equals(order.orderNo())) {
      throw ApiException.badRequest("orderNo", "the body's orderNo " + order.orderNo() + " is not " + orderNo);
    }
    platform.sell(order);
  }

  /**
   * What the buyer fills in on 申请退款: {@code goodsReturned} (退货退款 rather than 仅退款), the amount, one of the
   * platform's reasons, a description, and optionally the order line (sku, quantity).
   */
  public record RefundRequest(@NotBlank @Size(max = 64) String orderNo, @NotNull Boolean goodsReturned,
      @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be above 0")
      @Digits(integer = 10, fraction = 2) BigDecimal amount,
      @NotBlank @Size(max = 200) String reason, @Size(max = 500) String description, @Size(max = 64) String sku,
      @Positive Integer quantity) {}

  @PostMapping("/refunds")
  @ResponseStatus(HttpStatus.CREATED)
  public PlatformRefund requestRefund(@Valid @RequestBody RefundRequest request) {
    if (request.quantity() != null && request.sku() == null) {
      throw ApiException.badRequest("quantity", "quantity is only allowed with sku");
    }
    return platform.requestRefund(request.orderNo(), request.goodsReturned(), request.amount(), request.reason(),
        request.description(), request.sku(), request.quantity());
  }

  public record ReturnParcel(@NotBlank @Size(max = 32) String carrier, @NotBlank @Size(max = 64) String trackingNo) {}

  @PostMapping("/refunds/{refundId}/return-shipment")
  public PlatformRefund shipReturn(@PathVariable @Size(max = 32) String refundId,
      @Valid @RequestBody ReturnParcel parcel) {
    return platform.shipReturn(refundId, parcel.carrier(), parcel.trackingNo());
  }

  @PostMapping("/refunds/{refundId}/cancel")
  public PlatformRefund cancel(@PathVariable @Size(max = 32) String refundId) {
    return platform.cancel(refundId);
  }

  @PostMapping("/refunds/{refundId}/intervention")
  public PlatformRefund intervene(@PathVariable @Size(max = 32) String refundId) {
    return platform.intervene(refundId);
  }

  /** The refund as the platform shows it and its record: what the buyer and the shop did, oldest first. */
  @GetMapping("/refunds/{refundId}")
  public SandboxPlatform.RefundRecord record(@PathVariable String refundId) {
    return platform.record(refundId)
        .orElseThrow(() -> ApiException.notFound("refundId", "platform refund " + refundId + " not found"));
  }
}
