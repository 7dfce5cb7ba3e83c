package com.shopdesk.aftersales.gifts;

import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The variables a missing-gift case in reship carries about the promised gifts. */
public final class GiftVariables {
  /**
   * What the missing promised gifts are worth together (a double, as every amount in a process), null when no
   * promise is recorded on the order; bpmn/reship-remedy.dmn suggests refunding this.
   */
  public static final String GIFT_VALUE = "giftValue";

  private final VariableScope scope;

  private GiftVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static GiftVariables of(VariableScope scope) {
    return new GiftVariables(scope);
  }

  public void missing(List<PromisedGift> gifts) {
    scope.setVariable(GIFT_VALUE, gifts.isEmpty() ? null
        : gifts.stream().map(PromisedGift::value).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue());
  }
}
