package com.shopdesk.aftersales.gifts;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.OrderRemarks;
import com.shopdesk.aftersales.cases.RemarkFlag;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gifts and samples promised to a buyer (赠品、小样). An agent records the promise on the order; the order gets a
 * yellow remark (something still owed) that every case of the order shows, and a "missing gift" case is checked
 * and remedied against it.
 */
@RestController
public class PromisedGiftController {
  private final PromisedGifts gifts;
  private final OrderRepository orders;
  private final OrderRemarks remarks;

  public PromisedGiftController(PromisedGifts gifts, OrderRepository orders, OrderRemarks remarks) {
    this.gifts = gifts;
    this.orders = orders;
    this.remarks = remarks;
  }

  /**
   * {@code quantity} defaults to 1; {@code value} is what the gift is refunded at if it cannot be sent, at most
   * what the buyer paid for the order.
   */
  public record GiftRequest(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-'")
      String sku,
      @NotBlank @Size(max = 100) String name,
      @Positive @Max(99) Integer quantity,
      @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be above 0")
      @Digits(integer = 10, fraction = 2) BigDecimal value,
      @Size(max = 500) String note) {}

  public record Recorded(PromisedGift gift, OrderRemarks.Remark remark) {}

  @PostMapping("/api/orders/{orderNo}/promised-gifts")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  public Recorded promise(@PathVariable String orderNo, @Valid @RequestBody GiftRequest request, Principal user) {
    Order order = orders.find(orderNo)
        .orElseThrow(() -> ApiException.notFound("orderNo", "order " + orderNo + " not found"));
    String sku = request.sku().strip();
    if (order.item(sku).isPresent()) {
      throw ApiException.badRequest("sku", "SKU " + sku + " is a line of order " + orderNo
          + ": a missing order line is a MISSING_ITEM case, not a gift");
    }
    if (request.value().compareTo(order.paidAmount()) > 0) {
      throw ApiException.badRequest("value", "value " + request.value().toPlainString() + " is above the "
          + order.paidAmount().toPlainString() + " the buyer paid for order " + orderNo);
    }
    int quantity = request.quantity() == null ? 1 : request.quantity();
    String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
    if (!gifts.add(orderNo, sku, request.name().strip(), quantity, Money.of(request.value()), note, user.getName())) {
      throw ApiException.conflict("sku", "order " + orderNo + " already has a promised gift " + sku);
    }
    PromisedGift gift = gifts.ofOrder(orderNo).stream().filter(g -> g.sku().equals(sku)).findFirst().orElseThrow();
    OrderRemarks.Remark remark = remarks.addToOrder(orderNo, "承诺赠品：" + gift.label() + "，价值 "
        + Money.format(gift.value()) + "，须随单寄出" + (note == null ? "" : "（" + note + "）"), user.getName(),
        RemarkFlag.YELLOW);
    return new Recorded(gift, remark);
  }

  @GetMapping("/api/orders/{orderNo}/promised-gifts")
  public List<PromisedGift> ofOrder(@PathVariable String orderNo) {
    orders.find(orderNo).orElseThrow(() -> ApiException.notFound("orderNo", "order " + orderNo + " not found"));
    return gifts.ofOrder(orderNo);
  }
}
