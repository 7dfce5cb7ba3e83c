package com.shopdesk.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each row of bpmn/after-sales-routing.dmn, and what no row handles. */
class RoutingDecisionTest extends AfterSalesTest {

  @Test
  void decisionsAreEvaluatedWithExpressionsParsedOnce() {
    var dmn = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDmnEngineConfiguration();
    assertThat(dmn.getFeelEngine().getClass().getSimpleName()).isEqualTo("ParsedOnceFeelEngine");
  }

  private String route(String request, String reason, String orderStatus) {
    DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey("after-sales-routing")
        .variables(Variables.createVariables().putValue("request", request).putValue("reason", reason)
            .putValue("orderStatus", orderStatus))
        .evaluate();
    return result.isEmpty() ? null : (String) result.getSingleResult().getEntryMap().get("process");
  }

  @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
  @CsvSource(nullValues = "none", value = {
      "REFUND_ONLY,   PERSONAL,       UNSHIPPED, interception",
      "REFUND_ONLY,   NO_REASON,      SHIPPED,   interception",
      "REFUND_ONLY,   QUALITY,        DELIVERED, return-refund",
      "REFUND_ONLY,   MISSING_ITEM,   DELIVERED, reship",
      "REFUND_ONLY,   LOST,           SHIPPED,   reship",
      "REFUND_ONLY,   LOST,           UNSHIPPED, interception",
      "RESHIP,        PICKUP_TIMEOUT, SHIPPED,   reship",
      "RESHIP,        DAMAGED,        DELIVERED, reship",
      "RETURN_REFUND, QUALITY,        DELIVERED, return-refund",
      "RETURN_REFUND, DAMAGED,        SHIPPED,   return-refund",
      "RETURN_REFUND, MISSING_GIFT,   DELIVERED, reship",
      "RETURN_REFUND, STALLED,        SHIPPED,   reship",
      "EXCHANGE,      WRONG_ITEM,     DELIVERED, exchange",
      "EXCHANGE,      PERSONAL,       SHIPPED,   exchange",
      "EXCHANGE,      LOST,           SHIPPED,   reship",
      "EXCHANGE,      LOST,           DELIVERED, reship",
      "EXCHANGE,      MISSING_ITEM,   DELIVERED, reship",
      "EXCHANGE,      PICKUP_TIMEOUT, SHIPPED,   reship",
      "RETURN_REFUND, PERSONAL,       UNSHIPPED, none",
      "RETURN_REFUND, LOST,           UNSHIPPED, none",
      "EXCHANGE,      WRONG_ITEM,     UNSHIPPED, none",
      "EXCHANGE,      LOST,           UNSHIPPED, none",
      "RESHIP,        MISSING_ITEM,   UNSHIPPED, none",
      "REFUND_ONLY,   PRICE_DIFFERENCE, DELIVERED, money-refund",
      "REFUND_ONLY,   SHIPPING_FEE,   SHIPPED,   money-refund",
      "REFUND_ONLY,   OVERPAID_SHIPPING, DELIVERED, money-refund",
      "REFUND_ONLY,   DISCOUNT_MISSED, UNSHIPPED, money-refund",
      "RETURN_REFUND, PRICE_DIFFERENCE, DELIVERED, none",
      "EXCHANGE,      SHIPPING_FEE,   DELIVERED, none",
      "RESHIP,        DISCOUNT_MISSED, DELIVERED, none",
      "COMPLAINT,     RUDE_AGENT,     DELIVERED, complaint",
      "COMPLAINT,     PROMISE_BROKEN, UNSHIPPED, complaint",
      "PLATFORM_INTERVENTION, QUALITY, DELIVERED, complaint",
      "PLATFORM_INTERVENTION, LOST,   SHIPPED,   complaint",
      "REFUND_ONLY,   RUDE_AGENT,     DELIVERED, none",
      "LOGISTICS,     SERVICE_POOR,   SHIPPED,   none",
      "LOGISTICS,     SIGNED_NOT_RECEIVED, DELIVERED, reship",
      "REFUND_ONLY,   SIGNED_NOT_RECEIVED, SHIPPED, reship",
      "RESHIP,        SIGNED_NOT_RECEIVED, DELIVERED, reship",
      "RETURN_REFUND, SIGNED_NOT_RECEIVED, DELIVERED, reship",
      "LOGISTICS,     SIGNED_NOT_RECEIVED, UNSHIPPED, none",
      "LOGISTICS,     ADDRESS_CHANGE, SHIPPED,   parcel-redirect",
      "LOGISTICS,     ADDRESS_CHANGE, DELIVERED, parcel-redirect",
      "LOGISTICS,     NO_SERVICE,     SHIPPED,   parcel-redirect",
      "LOGISTICS,     NO_TRACKING,    SHIPPED,   no-tracking",
      "REFUND_ONLY,   NO_TRACKING,    SHIPPED,   no-tracking",
      "LOGISTICS,     NO_TRACKING,    DELIVERED, none",
      "RESHIP,        NO_TRACKING,    SHIPPED,   reship",
      "LOGISTICS,     STALLED,        SHIPPED,   reship",
      "LOGISTICS,     QUALITY,        DELIVERED, none",
  })
  void routes(String request, String reason, String orderStatus, String process) {
    assertThat(route(request, reason, orderStatus)).isEqualTo(process);
  }

  /** Every request type but a complaint × goods-not-received reason × SHIPPED/DELIVERED. */
  static Stream<Arguments> goodsNotReceived() {
    return Stream.of(RequestType.values())
        .filter(request -> request != RequestType.COMPLAINT && request != RequestType.PLATFORM_INTERVENTION)
        .flatMap(request -> Stream.of(Reason.MISSING_ITEM, Reason.MISSING_GIFT,
            Reason.LOST, Reason.PICKUP_TIMEOUT, Reason.STALLED)
        .flatMap(reason -> Stream.of("SHIPPED", "DELIVERED")
            .map(status -> Arguments.of(request.name(), reason.name(), status))));
  }

  @ParameterizedTest(name = "{0} {1} on {2} -> reship")
  @MethodSource("goodsNotReceived")
  void goodsTheBuyerNeverGotAreReshippedWhateverWasAskedFor(String request, String reason, String orderStatus) {
    assertThat(route(request, reason, orderStatus)).isEqualTo("reship");
  }

  @Test
  void anExchangeOfALostParcelOpensAReshipCase() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "128.00", 1);

    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"EXCHANGE","reason":"LOST"}""".formatted(orderNo));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("process").asText()).isEqualTo("reship");
  }
}
