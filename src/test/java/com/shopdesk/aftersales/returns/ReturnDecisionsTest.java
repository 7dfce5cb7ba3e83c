package com.shopdesk.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row of the decision tables the return-refund process uses. */
class ReturnDecisionsTest extends AfterSalesTest {

  private DmnDecisionResultEntries decide(String key, VariableMap inputs) {
    return engine.getDecisionService().evaluateDecisionByKey(key).variables(inputs).evaluate().getSingleResult();
  }

  @ParameterizedTest(name = "{0} confirmed={1} {2} CNY {3} -> {4} {5}")
  @CsvSource(nullValues = "none", value = {
      "QUALITY,          false, 300.00, tea,   RETURN,                none",
      "QUALITY,          true,  200.00, fresh, REFUND_WITHOUT_RETURN, none",
      "DAMAGED,          true,  12.00,  tea,   REFUND_WITHOUT_RETURN, none",
      "WRONG_ITEM,       true,  128.00, tea,   COMPENSATION,          20.0",
      "WRONG_ITEM,       true,  60.00,  tea,   COMPENSATION,          10.0",
      "WRONG_ITEM,       false, 128.00, tea,   RETURN,                none",
      "QUALITY,          true,  100.00, tea,   COMPENSATION,          10.0",
      "NOT_AS_DESCRIBED, true,  300.00, tea,   COMPENSATION,          20.0",
      "DAMAGED,          true,  800.00, tea,   COMPENSATION,          50.0",
      "WRONG_ITEM,       true,  500.01, tea,   COMPENSATION,          50.0",
      "QUALITY,          true,  500.00, tea,   COMPENSATION,          20.0",
  })
  void resolutionTier(String reason, boolean confirmed, double amount, String category, String tier,
      Double compensation) {
    DmnDecisionResultEntries result = decide("resolution-tier", Variables.createVariables()
        .putValue("reason", reason).putValue("claimConfirmed", confirmed).putValue("amount", amount)
        .putValue("category", category).putValue("returnShippingEstimate", 12.0));
    assertThat((String) result.get("tier")).isEqualTo(tier);
    assertThat(result.get("suggestedCompensation")).isEqualTo(compensation);
  }

  @ParameterizedTest(name = "{0} confirmed={1} -> seller pays {2}")
  @CsvSource({
      "PERSONAL,   true,  false",
      "NO_REASON,  false, false",
      "QUALITY,    true,  true",
      "WRONG_ITEM, true,  true",
      "DAMAGED,    false, false",
  })
  void whoPaysTheReturnShipping(String reason, boolean confirmed, boolean sellerPays) {
    DmnDecisionResultEntries result = decide("return-shipping-payer", Variables.createVariables()
        .putValue("reason", reason).putValue("claimConfirmed", confirmed));
    assertThat((Boolean) result.get("sellerPaysShipping")).isEqualTo(sellerPays);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "oral-irrigator, 品牌方顺丰云仓, 深圳市",
      "tea,            环球仓,         嘉兴市",
      "teaware,        环球仓,         嘉兴市",
  })
  void whereReturnsGo(String category, String warehouse, String city) {
    DmnDecisionResultEntries result = decide("return-address", Variables.createVariables()
        .putValue("category", category));
    assertThat((String) result.get("returnWarehouse")).isEqualTo(warehouse);
    assertThat((String) result.get("returnAddress")).contains(city);
  }
}
