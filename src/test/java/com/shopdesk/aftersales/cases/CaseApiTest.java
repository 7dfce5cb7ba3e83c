package com.shopdesk.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The product API as a client sees it: what it accepts, and how it refuses without writing anything. */
class CaseApiTest extends AfterSalesTest {

  private String caseJson(String orderNo, String sku, int quantity, String amount) {
    return """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL","items":[{"sku":"%s","quantity":%d}],
         "amount":%s,"evidence":["https://img.example/1.jpg"],"note":"买家拍错了"}"""
        .formatted(orderNo, sku, quantity, amount);
  }

  private int cases() {
    return count("SELECT COUNT(*) FROM cases");
  }

  @Test
  void importingAnOrderTwiceUpdatesIt() {
    String orderNo = newOrderNo();
    Response created = post("/api/orders", orderJson(orderNo, "UNSHIPPED", null, "128.00", 2));
    Response again = post("/api/orders", orderJson(orderNo, "SHIPPED", "ZT-" + orderNo, "128.00", 2));

    assertThat(created.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    JsonNode order = get("/api/orders/" + orderNo).json();
    assertThat(order.path("status").asText()).isEqualTo("SHIPPED");
    assertThat(order.path("shipment").path("trackingNo").asText()).isEqualTo("ZT-" + orderNo);
    assertThat(order.path("paidAmount").decimalValue()).isEqualByComparingTo("256.00");
  }

  @Test
  void aShippedOrderNeedsItsShipment() {
    String orderNo = newOrderNo();
    Response r = post("/api/orders", orderJson(orderNo, "SHIPPED", null, "128.00", 1));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo("shipment");
    assertThat(get("/api/orders/" + orderNo).status()).isEqualTo(404);
  }

  @Test
  void openingACaseRegistersItAndStartsItsProcess() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "128.00", 2);

    Response r = post("/api/cases", caseJson(orderNo, "LJ-250", 1, "128.00"));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String caseNo = r.json().path("caseNo").asText();
    assertThat(caseNo).matches("AS\\d{8}-\\d{6}");
    assertThat(r.json().path("process").asText()).isEqualTo("interception");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count())
        .isEqualTo(1);

    JsonNode view = caseView(caseNo);
    assertThat(view.path("status").asText()).isEqualTo("OPEN");
    assertThat(view.path("amount").decimalValue()).isEqualByComparingTo("128.00");
    assertThat(view.path("openedBy").asText()).isEqualTo(ADMIN);
    assertThat(view.path("items").get(0).path("quantity").asInt()).isEqualTo(1);
    assertThat(view.path("evidence").get(0).asText()).isEqualTo("https://img.example/1.jpg");
    assertThat(view.path("parcels").get(0).path("trackingNo").asText()).isEqualTo("ZT-" + orderNo);
    assertThat(view.path("timeline").get(0).path("kind").asText()).isEqualTo("OPENED");

    JsonNode ledger = get("/api/cases?orderNo=" + orderNo + "&status=OPEN").json();
    assertThat(ledger).hasSize(1);
    assertThat(ledger.get(0).path("caseNo").asText()).isEqualTo(caseNo);
  }

  @Test
  void withoutItemsAndAmountTheCaseCoversTheWholeOrder() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "50.00", 3);
    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"NO_REASON"}""".formatted(orderNo));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode view = caseView(r.json().path("caseNo").asText());
    assertThat(view.path("amount").decimalValue()).isEqualByComparingTo("150.00");
    assertThat(view.path("items").get(0).path("quantity").asInt()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown SKU            | NOPE   | 1 | 100.00 | 400 | items[0].sku",
      "quantity above ordered | LJ-250 | 3 | 100.00 | 400 | items[0].quantity",
      "zero quantity          | LJ-250 | 0 | 100.00 | 400 | items[0].quantity",
      "amount above paid      | LJ-250 | 1 | 300.00 | 400 | amount",
      "negative amount        | LJ-250 | 1 | -1.00  | 400 | amount",
      "zero amount            | LJ-250 | 1 | 0      | 400 | amount",
      "zero amount, cents     | LJ-250 | 1 | 0.00   | 400 | amount",
      "three decimals         | LJ-250 | 1 | 1.005  | 400 | amount",
  })
  void badRequestsAreRefusedNamingTheFieldAndWriteNothing(String what, String sku, int quantity, String amount,
      int status, String field) {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "128.00", 2);
    int before = cases();

    Response r = post("/api/cases", caseJson(orderNo, sku, quantity, amount));

    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().path("field").asText()).isEqualTo(field);
    assertThat(r.json().path("message").asText()).isNotBlank();
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void aZeroAmountIsRefusedNamingTheAmount() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "128.00", 2);

    Response r = post("/api/cases", caseJson(orderNo, "LJ-250", 1, "0.00"));

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo("amount");
    assertThat(r.json().path("message").asText()).isEqualTo("amount must be above 0");
    assertNothingWrittenFor(orderNo);
  }

  @Test
  void anOrderRefundedInFullTakesNoNewCase() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "128.00", 1);
    CaseIntake.Opened first = openRefundOnly(orderNo, "128.00");
    runDueJobsOfCase(first.caseNo());
    assertThat(caseView(first.caseNo()).path("resolution").asText()).isEqualTo("REFUNDED");
    int cases = cases();
    int refunds = count("SELECT COUNT(*) FROM refunds WHERE order_no = ?", orderNo);
    long instances = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .variableValueEquals("orderNo", orderNo).count();

    Response withoutAmount = post("/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"NO_REASON"}""".formatted(orderNo));
    Response withAmount = post("/api/cases", caseJson(orderNo, "LJ-250", 1, "1.00"));

    for (Response r : new Response[] {withoutAmount, withAmount}) {
      assertThat(r.status()).as(r.body()).isEqualTo(409);
      assertThat(r.json().path("field").asText()).isEqualTo("orderNo");
      assertThat(r.json().path("message").asText())
          .isEqualTo("order " + orderNo + " has been refunded in full (paid 128.00, refunded 128.00): "
              + "nothing is left to refund");
    }
    assertThat(cases()).isEqualTo(cases);
    assertThat(count("SELECT COUNT(*) FROM refunds WHERE order_no = ?", orderNo)).isEqualTo(refunds);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .variableValueEquals("orderNo", orderNo).count()).isEqualTo(instances);
  }

  @Test
  void aPartlyRefundedOrderStillTakesACaseForWhatIsLeft() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "100.00", 2);
    CaseIntake.Opened first = openRefundOnly(orderNo, "100.00");
    runDueJobsOfCase(first.caseNo());
    assertThat(caseView(first.caseNo()).path("resolution").asText()).isEqualTo("REFUNDED");

    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"NO_REASON"}""".formatted(orderNo));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(caseView(r.json().path("caseNo").asText()).path("amount").decimalValue())
        .isEqualByComparingTo("100.00");
  }

  @Test
  void aNullItemIsABadRequestNamingIt() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "128.00", 2);

    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY","items":[{"sku":"LJ-250","quantity":1},null]}"""
        .formatted(orderNo));

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    JsonNode body = r.json();
    assertThat(body.path("status").asInt()).isEqualTo(400);
    assertThat(body.path("error").asText()).isEqualTo("Bad Request");
    assertThat(body.path("field").asText()).isEqualTo("items[1]");
    assertThat(body.path("message").asText()).isEqualTo("items[1] must not be null");
    assertNothingWrittenFor(orderNo);
  }

  @Test
  void anEmptyItemListIsABadRequestRatherThanTheWholeOrder() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "128.00", 2);

    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY","items":[]}""".formatted(orderNo));

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo("items");
    assertThat(r.json().path("message").asText()).contains("leave items out");
    assertNothingWrittenFor(orderNo);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"REFUND_ONLY, DELIVERED", "RETURN_REFUND, DELIVERED", "RESHIP, DELIVERED", "REFUND_ONLY, UNSHIPPED"})
  void aReplacementSkuIsOnlyForAnExchange(String request, String orderStatus) {
    String orderNo = newOrderNo();
    importOrder(orderNo, orderStatus, orderStatus.equals("UNSHIPPED") ? null : "ZT-" + orderNo, "128.00", 2);

    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"%s","reason":"QUALITY",
         "items":[{"sku":"LJ-250","quantity":1,"replacementSku":"LJ-500"}]}""".formatted(orderNo, request));

    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("field").asText()).isEqualTo("items[0].replacementSku");
    assertThat(r.json().path("message").asText())
        .isEqualTo("items[0].replacementSku is only allowed on EXCHANGE requests, not on " + request);
    assertNothingWrittenFor(orderNo);
  }

  @Test
  void aBlankReplacementSkuMeansTheSameSku() {
    String exchangeOrder = newOrderNo();
    importOrder(exchangeOrder, "DELIVERED", "ZT-" + exchangeOrder, "128.00", 2);
    String returnOrder = newOrderNo();
    importOrder(returnOrder, "DELIVERED", "ZT-" + returnOrder, "128.00", 2);

    Response exchange = post("/api/cases", """
        {"orderNo":"%s","request":"EXCHANGE","reason":"WRONG_ITEM",
         "items":[{"sku":"LJ-250","quantity":1,"replacementSku":"  "}]}""".formatted(exchangeOrder));
    Response ret = post("/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY",
         "items":[{"sku":"LJ-250","quantity":1,"replacementSku":""}]}""".formatted(returnOrder));

    for (Response r : new Response[] {exchange, ret}) {
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      String caseNo = r.json().path("caseNo").asText();
      assertThat(caseView(caseNo).path("items").get(0).path("replacementSku").textValue()).isNull();
      assertThat(jdbc.queryForObject("SELECT replacement_sku FROM case_items WHERE case_no = ?", String.class,
          caseNo)).isNull();
    }
    assertThat(engine.getRuntimeService().getVariable(exchange.json().path("processInstanceId").asText(),
        "replacementSummary")).isEqualTo("西湖龙井 250g（LJ-250）×1 换 同款");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a cheap fresh item listed before a teapot | CAKE:fresh:20.00:1, POT:teaware:300.00:1 | teaware",
      "the quantity counts                       | POT:teaware:30.00:1, CAKE:fresh:20.00:2  | fresh",
      "a tie goes to the first line asked for    | CAKE:fresh:50.00:2, POT:teaware:100.00:1 | fresh",
  })
  void theCategoryIsTheMostValuableLines(String what, String lines, String category) {
    String orderNo = newOrderNo();
    StringBuilder ordered = new StringBuilder();
    StringBuilder asked = new StringBuilder();
    java.math.BigDecimal paid = java.math.BigDecimal.ZERO;
    for (String line : lines.split(",\\s*")) {
      String[] f = line.split(":");
      ordered.append(ordered.isEmpty() ? "" : ",").append("""
          {"sku":"%s","name":"商品 %s","category":"%s","quantity":%s,"unitPrice":%s}""".formatted(f[0], f[0], f[1],
          f[3], f[2]));
      asked.append(asked.isEmpty() ? "" : ",").append("""
          {"sku":"%s","quantity":%s}""".formatted(f[0], f[3]));
      paid = paid.add(new java.math.BigDecimal(f[2]).multiply(new java.math.BigDecimal(f[3])));
    }
    Response order = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_c","name":"陈女士"},"items":[%s],"paidAmount":%s,"status":"DELIVERED",
         "shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"}}""".formatted(orderNo, ordered, paid.toPlainString(),
        orderNo));
    assertThat(order.status()).as(order.body()).isEqualTo(201);

    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY","items":[%s]}""".formatted(orderNo, asked));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(engine.getRuntimeService().getVariable(r.json().path("processInstanceId").asText(), "category"))
        .isEqualTo(category);
  }

  /** A refused request left no ledger row, no refund and no process instance for the order. */
  private void assertNothingWrittenFor(String orderNo) {
    assertThat(count("SELECT COUNT(*) FROM cases WHERE order_no = ?", orderNo)).isZero();
    assertThat(count("SELECT COUNT(*) FROM refunds WHERE order_no = ?", orderNo)).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .variableValueEquals("orderNo", orderNo).count()).isZero();
  }

  @Test
  void unknownOrderIsNotFound() {
    Response r = post("/api/cases", caseJson("NO-SUCH-ORDER", "LJ-250", 1, "1.00"));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("field").asText()).isEqualTo("orderNo");
  }

  @Test
  void missingFieldsMalformedJsonAndUnknownValuesAreRefused() {
    int before = cases();
    Response missing = post("/api/cases", "{\"orderNo\":\"T1\",\"reason\":\"PERSONAL\"}");
    Response malformed = post("/api/cases", "{\"orderNo\":");
    Response unknownValue = post("/api/cases", "{\"orderNo\":\"T1\",\"request\":\"GIVE_ME_MONEY\",\"reason\":\"PERSONAL\"}");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("field").asText()).isEqualTo("request");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("message").asText()).contains("not valid JSON");
    assertThat(unknownValue.status()).isEqualTo(400);
    assertThat(unknownValue.json().path("field").asText()).isEqualTo("request");
    assertThat(unknownValue.json().path("message").asText()).contains("REFUND_ONLY");
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void aSecondOpenCaseOnTheSameLineIsAConflict() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "128.00", 2);
    String first = post("/api/cases", caseJson(orderNo, "LJ-250", 1, "128.00")).json().path("caseNo").asText();
    int before = cases();

    Response second = post("/api/cases", caseJson(orderNo, "LJ-250", 1, "50.00"));

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().path("field").asText()).isEqualTo("items");
    assertThat(second.json().path("message").asText()).contains("LJ-250 in " + first);
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void requestsNoProcessHandlesAreUnprocessable() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "128.00", 1);
    int before = cases();

    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"EXCHANGE","reason":"WRONG_ITEM","amount":128.00}""".formatted(orderNo));

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().path("field").asText()).isEqualTo("request");
    assertThat(r.json().path("message").asText()).contains("no process handles").contains("UNSHIPPED");
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void unknownCaseIsNotFoundAndABadStatusFilterIsRefused() {
    assertThat(get("/api/cases/AS20000101-999999").status()).isEqualTo(404);
    Response bad = get("/api/cases?status=MAYBE");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("field").asText()).isEqualTo("status");
  }
}
