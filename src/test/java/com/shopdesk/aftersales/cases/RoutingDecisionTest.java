package com.shopdesk.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row of bpmn/after-sales-routing.dmn, and what no row handles. */
class RoutingDecisionTest extends AfterSalesTest {

  @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
  @CsvSource(nullValues = "none", value = {
      "REFUND_ONLY,   PERSONAL,       UNSHIPPED, interception",
      "REFUND_ONLY,   NO_REASON,      SHIPPED,   interception",
      "REFUND_ONLY,   QUALITY,        DELIVERED, return-refund",
      "REFUND_ONLY,   MISSING_ITEM,   DELIVERED, reship",
      "REFUND_ONLY,   LOST,           SHIPPED,   reship",
      "RESHIP,        PICKUP_TIMEOUT, SHIPPED,   reship",
      "RESHIP,        DAMAGED,        DELIVERED, reship",
      "RETURN_REFUND, QUALITY,        DELIVERED, return-refund",
      "EXCHANGE,      WRONG_ITEM,     DELIVERED, exchange",
      "RETURN_REFUND, PERSONAL,       UNSHIPPED, none",
      "EXCHANGE,      WRONG_ITEM,     UNSHIPPED, none",
  })
  void routes(String request, String reason, String orderStatus, String process) {
    DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey("after-sales-routing")
        .variables(Variables.createVariables().putValue("request", request).putValue("reason", reason)
            .putValue("orderStatus", orderStatus))
        .evaluate();
    assertThat(result.isEmpty() ? null : result.getSingleResult().<String>getEntry("process")).isEqualTo(process);
  }
}
