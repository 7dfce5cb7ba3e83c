package com.shopdesk.aftersales.gifts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A gift or sample an agent promised the buyer (e.g. in chat: "下单送龙井小样 5g"). It is no order line: the buyer
 * paid nothing for it, so it is refunded at {@code value} (what the shop puts on it, all {@code quantity}
 * together) when it cannot be sent.
 */
public record PromisedGift(long id, String orderNo, String sku, String name, int quantity, BigDecimal value,
    String note, String promisedBy, OffsetDateTime promisedAt) {

  /** "龙井小样 5g（LJ-S5）× 2". */
  public String label() {
    return name + "（" + sku + "）× " + quantity;
  }
}
