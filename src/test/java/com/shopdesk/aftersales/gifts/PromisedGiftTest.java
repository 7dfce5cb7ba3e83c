package com.shopdesk.aftersales.gifts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.sandbox.SandboxPayments;
import com.shopdesk.aftersales.sandbox.SandboxWarehouse;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Gifts promised in chat: recorded on the order with a yellow remark (POST /api/orders/{orderNo}/promised-gifts),
 * checked at the warehouse when the buyer says one is missing (reason MISSING_GIFT, bpmn/reship.bpmn), reshipped
 * or refunded at their value.
 */
class PromisedGiftTest extends AfterSalesTest {
  private static final String SAMPLE = "{\"sku\":\"LJ-S5\",\"name\":\"龙井小样 5g\",\"value\":8.00,\"note\":\"聊天中答应\"}";
  @Autowired SandboxWarehouse warehouse;
  @Autowired SandboxPayments payments;

  /** A delivered order of one 西湖龙井 250g (128.00) whose packing record has the tea and nothing else. */
  private String deliveredOrder() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "DELIVERED", "ZT-" + orderNo, "128.00", 1);
    warehouse.packed(orderNo, Map.of("LJ-250", 1), 520);
    return orderNo;
  }

  private Response promise(String orderNo, String body, String user) {
    return send("POST", "/api/orders/" + orderNo + "/promised-gifts", body, user,
        ADMIN.equals(user) ? ADMIN_PASSWORD : USER_PASSWORD);
  }

  private String missingGiftCase(String orderNo, String amount) {
    String caseNo = openCaseThroughApi("""
        {"orderNo":"%s","request":"RESHIP","reason":"MISSING_GIFT","amount":%s}""".formatted(orderNo, amount));
    runDueJobsOfCase(caseNo);
    return caseNo;
  }

  private Object taskVariable(String caseNo, String key, String variable) {
    return engine.getTaskService().getVariable(task(caseNo, key).getId(), variable);
  }

  @Nested
  class Recording {
    @Test
    void anAgentRecordsAGiftAndTheOrderGetsAYellowRemarkEveryCaseShows() {
      String orderNo = deliveredOrder();
      Response r = promise(orderNo, SAMPLE, "agent1");
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.json().path("gift").path("quantity").asInt()).isEqualTo(1);
      assertThat(r.json().path("gift").path("promisedBy").asText()).isEqualTo("agent1");
      assertThat(r.json().path("remark").path("flag").asText()).isEqualTo("YELLOW");
      assertThat(r.json().path("remark").path("text").asText()).contains("承诺赠品").contains("龙井小样 5g")
          .contains("¥8.00").contains("聊天中答应");

      Response listed = send("GET", "/api/orders/" + orderNo + "/promised-gifts", null, "agent1", USER_PASSWORD);
      assertThat(listed.status()).isEqualTo(200);
      assertThat(listed.json().get(0).path("sku").asText()).isEqualTo("LJ-S5");

      String caseNo = missingGiftCase(orderNo, "8.00");
      JsonNode remark = null;
      for (JsonNode rm : caseView(caseNo).path("remarks")) {
        if (rm.path("text").asText().contains("承诺赠品")) remark = rm;
      }
      assertThat(remark).as("the promise shows on the case").isNotNull();
      assertThat(remark.path("flag").asText()).isEqualTo("YELLOW");
      assertThat(remark.path("author").asText()).isEqualTo("agent1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no value                  | {\"sku\":\"LJ-S5\",\"name\":\"龙井小样\"}                                   | value",
        "a value of 0              | {\"sku\":\"LJ-S5\",\"name\":\"龙井小样\",\"value\":0}                       | value",
        "above what the buyer paid | {\"sku\":\"LJ-S5\",\"name\":\"龙井小样\",\"value\":128.01}                  | value",
        "three decimals            | {\"sku\":\"LJ-S5\",\"name\":\"龙井小样\",\"value\":1.005}                   | value",
        "no name                   | {\"sku\":\"LJ-S5\",\"value\":8.00}                                          | name",
        "a blank SKU               | {\"sku\":\" \",\"name\":\"龙井小样\",\"value\":8.00}                         | sku",
        "an order line             | {\"sku\":\"LJ-250\",\"name\":\"龙井\",\"value\":8.00}                       | sku",
        "a quantity of 0           | {\"sku\":\"LJ-S5\",\"name\":\"龙井小样\",\"value\":8.00,\"quantity\":0}     | quantity",
        "a quantity of 100         | {\"sku\":\"LJ-S5\",\"name\":\"龙井小样\",\"value\":8.00,\"quantity\":100}   | quantity",
        "a misspelt field          | {\"sku\":\"LJ-S5\",\"name\":\"龙井小样\",\"valeu\":8.00}                    | valeu",
    })
    void badInputIsRefusedNamingTheFieldAndNothingIsRecorded(String why, String body, String field) {
      String orderNo = deliveredOrder();
      Response r = promise(orderNo, body, "agent1");
      assertThat(r.status()).as(why + ": " + r.body()).isEqualTo(400);
      assertThat(r.json().path("field").asText()).as(r.body()).contains(field);
      assertThat(count("SELECT COUNT(*) FROM promised_gifts WHERE order_no = ?", orderNo)).isZero();
      assertThat(count("SELECT COUNT(*) FROM order_remarks WHERE order_no = ?", orderNo)).isZero();
    }

    @Test
    void anUnknownOrderIs404AndTheSameGiftTwice409() {
      assertThat(promise("NO-SUCH-ORDER", SAMPLE, "agent1").status()).isEqualTo(404);
      String orderNo = deliveredOrder();
      assertThat(promise(orderNo, SAMPLE, "agent1").status()).isEqualTo(201);
      Response again = promise(orderNo, SAMPLE, "manager1");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().path("field").asText()).isEqualTo("sku");
      assertThat(count("SELECT COUNT(*) FROM order_remarks WHERE order_no = ?", orderNo)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wh1", "analyst1", "platform1"})
    void whoIsNotAnAgentOrManagerIsRefusedAndNothingIsRecorded(String user) {
      String orderNo = deliveredOrder();
      Response r = promise(orderNo, SAMPLE, user);
      assertThat(r.status()).as(r.body()).isEqualTo(403);
      assertThat(count("SELECT COUNT(*) FROM promised_gifts WHERE order_no = ?", orderNo)).isZero();
      assertThat(count("SELECT COUNT(*) FROM order_remarks WHERE order_no = ?", orderNo)).isZero();
    }
  }

  @Nested
  class MissingGift {
    @Test
    void theWarehouseConfirmsItAndTheGiftIsReshippedWithItsTrackingNumber() {
      String orderNo = deliveredOrder();
      promise(orderNo, SAMPLE, "agent1");
      String caseNo = missingGiftCase(orderNo, "8.00");

      assertThat(taskVariable(caseNo, "remedy", "verificationNote").toString())
          .contains("打包记录里没有承诺的赠品 龙井小样 5g（LJ-S5）× 1");
      assertThat(taskVariable(caseNo, "remedy", "remedy")).as("the table suggests a refund").isEqualTo("REFUND");
      assertThat(taskVariable(caseNo, "remedy", "refundAmount")).isEqualTo(8.0);
      completeTask(caseNo, "remedy", Map.of("remedy", "RESHIP", "refundAmount", 8.0));

      assertThat(warehouse.extraShipments(caseNo)).as("the gift, not the tea").containsExactly("GIFT LJ-S5:1");
      String trackingNo = (String) engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(caseNo).processDefinitionKey("reship").list().stream()
          .map(pi -> engine.getRuntimeService().getVariable(pi.getId(), "reshipTrackingNo")).findFirst().orElseThrow();
      assertThat(buyerMessages(caseNo)).contains("赠品（龙井小样 5g（LJ-S5）× 1）").contains(trackingNo);

      post("/api/courier-events", """
          {"carrier":"ZTO","trackingNo":"%s","event":"PICKED_UP","at":"%s"}""".formatted(trackingNo, OffsetDateTime.now()));
      runDueJobsOfCase(caseNo);
      JsonNode view = closed(caseNo, "RESHIPPED");
      assertThat(view.path("parcels").toString()).contains("RESHIP").contains(trackingNo);
      assertThat(view.path("refunds")).isEmpty();
    }

    @Test
    void orTheGiftIsRefundedAtItsValueOnce() {
      String orderNo = deliveredOrder();
      promise(orderNo, "{\"sku\":\"BY-S\",\"name\":\"白玉小杯\",\"quantity\":2,\"value\":12.50}", "agent1");
      String caseNo = missingGiftCase(orderNo, "30.00");
      assertThat(taskVariable(caseNo, "remedy", "refundAmount")).as("its value, not the 30 asked").isEqualTo(12.5);
      completeTask(caseNo, "remedy", Map.of("remedy", "REFUND", "refundAmount", 12.5));

      JsonNode view = closed(caseNo, "REFUNDED");
      assertThat(view.path("refunds")).hasSize(1);
      assertThat(new BigDecimal(view.path("refunds").get(0).path("amount").asText())).isEqualByComparingTo("12.50");
      runDueJobsOfCase(caseNo);
      assertThat(payments.payments(orderNo)).as("paid once").hasSize(1);
      assertThat(warehouse.extraShipments(caseNo)).isEmpty();
    }

    @Test
    void aGiftThePackingRecordHasIsNotConfirmedAndAnAgentAsksTheBuyer() {
      String orderNo = deliveredOrder();
      promise(orderNo, SAMPLE, "agent1");
      warehouse.packed(orderNo, Map.of("LJ-250", 1, "LJ-S5", 1), 520);
      String caseNo = missingGiftCase(orderNo, "8.00");
      assertThat(taskVariable(caseNo, "confirmMissing", "verificationNote").toString()).contains("赠品已装入");
      completeTask(caseNo, "confirmMissing", Map.of("boxOpened", false, "buyerInsists", true));
      completeTask(caseNo, "remedy", Map.of("remedy", "RESHIP", "refundAmount", 8.0));
      assertThat(warehouse.extraShipments(caseNo)).as("the buyer insisted: sent again").containsExactly("GIFT LJ-S5:1");
    }

    @Test
    void aPromiseNobodyRecordedLeavesItToAnAgentAndOnlyARefundOrARecordingLetsItGoOn() {
      String orderNo = deliveredOrder();
      String caseNo = missingGiftCase(orderNo, "8.00");
      assertThat(taskVariable(caseNo, "confirmMissing", "verificationNote").toString())
          .contains("没有登记承诺的赠品");
      completeTask(caseNo, "confirmMissing", Map.of("boxOpened", false, "buyerInsists", true));
      assertThat(taskVariable(caseNo, "remedy", "refundAmount")).as("the amount asked").isEqualTo(8.0);

      // reshipping a gift nobody recorded: the warehouse would not know what to send, the step fails saying so
      BpmnAwareTests.complete(task(caseNo, "remedy"), Map.of("remedy", "RESHIP", "refundAmount", 8.0));
      String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
          .processDefinitionKey("reship").singleResult().getId();
      Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
          .hasMessageContaining("没有登记承诺的赠品");
      assertThat(warehouse.extraShipments(caseNo)).isEmpty();

      // the agent records the promise from the chat; the retried step sends it
      assertThat(promise(orderNo, SAMPLE, "agent1").status()).isEqualTo(201);
      engine.getManagementService().executeJob(job.getId());
      runDueJobsOfCase(caseNo);
      assertThat(warehouse.extraShipments(caseNo)).containsExactly("GIFT LJ-S5:1");
      assertThat(buyerMessages(caseNo)).contains("龙井小样 5g");
    }
  }
}
