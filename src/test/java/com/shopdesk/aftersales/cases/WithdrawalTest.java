package com.shopdesk.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.payment.RefundLedger;
import com.shopdesk.aftersales.payment.RefundNotPayableException;
import com.shopdesk.aftersales.sandbox.SandboxCourier;
import com.shopdesk.aftersales.sandbox.SandboxPayments;
import com.shopdesk.aftersales.sandbox.SandboxWarehouse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The buyer withdraws the request (撤销申请) wherever the case stands: it ends cleanly at every wait state of every
 * process (no task, no timer, no called process left), the ledger says WITHDRAWN, what was under way is undone,
 * and the buyer is told. Once money was paid or goods left for the buyer, or while the buyer's return is on its
 * way, the withdrawal is refused and nothing changes.
 */
class WithdrawalTest extends AfterSalesTest {
  @Autowired SandboxWarehouse warehouse;
  @Autowired SandboxCourier courier;
  @Autowired SandboxPayments payments;
  @Autowired RefundLedger refundLedger;

  private Response withdraw(String caseNo, String reason, String user) {
    return send("POST", "/api/cases/" + caseNo + "/withdraw", "{\"reason\":\"" + reason + "\"}", user,
        USER_PASSWORD);
  }

  /** Withdraws as agent1 and checks the case ended cleanly; returns the case view. */
  private JsonNode withdrawnCleanly(String caseNo) {
    Response r = withdraw(caseNo, "买家已自行协商解决", "agent1");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("resolution").asText()).isEqualTo("WITHDRAWN");
    runDueJobsOfCase(caseNo);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count())
        .as("no process of the case is left running, called ones included").isZero();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).count())
        .as("no task is left").isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(processOf(caseNo)).count())
        .as("no timer or job is left").isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(processOf(caseNo)).count())
        .isZero();
    JsonNode view = caseView(caseNo);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("resolution").asText()).isEqualTo("WITHDRAWN");
    assertThat(view.path("handledBy").asText()).isEqualTo("agent1");
    assertThat(view.path("timeline").toString()).contains("撤销申请：买家已自行协商解决").contains("agent1");
    assertThat(view.path("remarks").toString()).contains("买家撤销申请（买家已自行协商解决）").contains("agent1");
    assertThat(buyerMessages(caseNo)).contains("已撤销");
    assertThat(view.path("refunds")).as("no money moved").isEmpty();
    assertThat(count("SELECT COUNT(*) FROM open_case_items WHERE case_no = ?", caseNo)).as("its lines are free")
        .isZero();
    return view;
  }

  private String processOf(String caseNo) {
    return jdbc.queryForObject("SELECT process_instance_id FROM cases WHERE case_no = ?", String.class, caseNo);
  }

  /** A refused withdrawal: the status, the message, and the case exactly as open as before. */
  private void refused(String caseNo, int status, String mentioning) {
    long tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).count();
    int timeline = caseView(caseNo).path("timeline").size();
    Response r = withdraw(caseNo, "不想要了", "agent1");
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().path("message").asText()).contains(mentioning);
    JsonNode view = caseView(caseNo);
    assertThat(view.path("timeline").size()).as("nothing recorded").isEqualTo(timeline);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).count()).isEqualTo(tasks);
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(processOf(caseNo))
        .variableName("withdrawalReason").count()).as("no variable written").isZero();
  }

  private String open(String body) {
    String caseNo = openCaseThroughApi(body);
    runDueJobsOfCase(caseNo);
    return caseNo;
  }


  private static void clockPlus(Duration d) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + d.toMillis()));
  }

  @Nested
  class Interception {
    private String unshipped(String price) {
      String orderNo = newOrderNo();
      importOrder(orderNo, "UNSHIPPED", null, price, 1);
      return orderNo;
    }

    @Test
    void atTheAgentsAgreementTheCancelledOrderShipsAgain() {
      String orderNo = unshipped("300.00");
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\",\"reason\":\"PERSONAL\"}");
      assertThat(task(caseNo, "agreeRefund")).isNotNull();
      assertThat(warehouse.outboundStatus(orderNo)).isEqualTo("CANCELLED");

      withdrawnCleanly(caseNo);
      assertThat(warehouse.outboundStatus(orderNo)).as("the order ships after all").isEqualTo("PENDING");
      assertThat(caseView(caseNo).path("timeline").toString()).contains("仓库已恢复出库");
    }

    @Test
    void atTheManagersEscalation() {
      String orderNo = unshipped("300.00");
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\",\"reason\":\"PERSONAL\"}");
      clockPlus(Duration.ofHours(25));
      runDueJobsOfCase(caseNo);
      assertThat(task(caseNo, "agreeRefundEscalated")).isNotNull();
      withdrawnCleanly(caseNo);
      assertThat(warehouse.outboundStatus(orderNo)).isEqualTo("PENDING");
    }

    @Test
    void beforeTheRefundIsPaidNothingIsPaid() {
      String orderNo = unshipped("128.00");
      String caseNo = openCaseThroughApi(
          "{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\",\"reason\":\"PERSONAL\"}");
      // only the warehouse's cancellation runs: the refund's job is due, not run
      engine.getManagementService().createJobQuery().processInstanceId(processOf(caseNo)).list()
          .forEach(job -> engine.getManagementService().executeJob(job.getId()));
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(processOf(caseNo))
          .activityId("refund").count()).isOne();

      withdrawnCleanly(caseNo);
      assertThat(payments.payments(orderNo)).isEmpty();
      assertThat(warehouse.outboundStatus(orderNo)).isEqualTo("PENDING");
    }

    @Test
    void whileTheCourierIsInterceptingTheInterceptionIsCalledOff() {
      String orderNo = newOrderNo();
      importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "99.00", 1);
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\",\"reason\":\"PERSONAL\"}");
      assertThat(courier.interceptionRequested("ZTO", "ZT-" + orderNo)).isTrue();

      withdrawnCleanly(caseNo);
      assertThat(courier.interceptionRequested("ZTO", "ZT-" + orderNo)).isFalse();
      assertThat(courier.interceptionCalledOff("ZTO", "ZT-" + orderNo)).isTrue();
      assertThat(caseView(caseNo).path("timeline").toString()).contains("已撤销快递拦截");

      push(caseNo, "ZTO", "ZT-" + orderNo, "INTERCEPTED");
      assertThat(caseView(caseNo).path("refunds")).as("a late answer pays nothing").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"followUp", "negotiate"})
    void atTheAgentsFollowUp(String step) {
      String orderNo = newOrderNo();
      importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "99.00", 1);
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\",\"reason\":\"PERSONAL\"}");
      if (step.equals("followUp")) {
        clockPlus(Duration.ofHours(49));
        runDueJobsOfCase(caseNo);
      } else {
        push(caseNo, "ZTO", "ZT-" + orderNo, "INTERCEPT_FAILED");
      }
      assertThat(task(caseNo, step)).isNotNull();
      withdrawnCleanly(caseNo);
      assertThat(courier.interceptionCalledOff("ZTO", "ZT-" + orderNo)).isTrue();
    }

    @Test
    void afterTheRefundWasPaidItIsRefused() {
      String orderNo = unshipped("128.00");
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\",\"reason\":\"PERSONAL\"}");
      assertThat(caseView(caseNo).path("refunds")).hasSize(1);
      refused(caseNo, 409, "closed already (REFUNDED)");
    }
  }

  @Nested
  class ReturnRefund {
    private String delivered(String price, int daysAgo) {
      String orderNo = newOrderNo();
      importDeliveredOrder(orderNo, "BY-1", "白玉茶盏", "teaware", price, daysAgo);
      return orderNo;
    }

    @ParameterizedTest
    @ValueSource(strings = {"retain", "managerApproval", "awaitingReturn"})
    void atEachStepBeforeTheGoodsComeBack(String step) {
      String caseNo = returnCaseAt(step);
      withdrawnCleanly(caseNo);
    }

    @Test
    void atTheLateRequestReview() {
      String orderNo = delivered("128.00", 10);
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RETURN_REFUND\",\"reason\":\"PERSONAL\"}");
      assertThat(task(caseNo, "lateReview")).isNotNull();
      withdrawnCleanly(caseNo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reviewEvidence", "negotiateCompensation"})
    void atTheEvidenceReviewAndTheCompensationOffer(String step) {
      String orderNo = delivered("300.00", 2);
      String caseNo = open("{\"orderNo\":\"" + orderNo
          + "\",\"request\":\"RETURN_REFUND\",\"reason\":\"QUALITY\",\"evidence\":[\"https://img.example/a.jpg\"]}");
      if (step.equals("negotiateCompensation")) {
        completeTask(caseNo, "reviewEvidence", Map.of("claimConfirmed", true));
      }
      assertThat(task(caseNo, step)).isNotNull();
      withdrawnCleanly(caseNo);
    }

    @Test
    void onceTheBuyerHasSentTheGoodsBackItIsRefused() {
      String caseNo = returnCaseAt("awaitingReturn");
      assertThat(post("/api/cases/" + caseNo + "/return-shipment",
          "{\"carrier\":\"YTO\",\"trackingNo\":\"YT-W" + caseNo + "\",\"shippingFee\":10.00}").status()).isEqualTo(202);
      runDueJobsOfCase(caseNo);
      refused(caseNo, 409, "the buyer has sent the goods back (YTO YT-W" + caseNo + ")");
      assertThat(caseView(caseNo).path("status").asText()).isEqualTo("OPEN");
    }
  }

  @Nested
  class Reship {
    private String order(String status, String price, int quantity) {
      String orderNo = newOrderNo();
      importOrder(orderNo, status, "ZT-" + orderNo, price, quantity);
      return orderNo;
    }

    /** An order of 2 the packing station recorded 1 of, and the buyer's missing-item case at the remedy. */
    private String shortShippedCase() {
      String orderNo = order("DELIVERED", "128.00", 2);
      warehouse.packed(orderNo, Map.of("LJ-250", 1), 500);
      return open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RESHIP\",\"reason\":\"MISSING_ITEM\","
          + "\"items\":[{\"sku\":\"LJ-250\",\"quantity\":1}],\"amount\":128.00}");
    }

    private String reship(String caseNo) {
      completeTask(caseNo, "remedy", Map.of("remedy", "RESHIP", "refundAmount",
          engine.getTaskService().getVariable(task(caseNo, "remedy").getId(), "refundAmount")));
      return engine.getRuntimeService().getVariable(processOf(caseNo), "reshipTrackingNo").toString();
    }

    @Test
    void atTheMissingItemChecks() {
      String orderNo = order("DELIVERED", "128.00", 2);
      warehouse.packed(orderNo, Map.of("LJ-250", 2), 1000);
      courier.weighed("ZTO", "ZT-" + orderNo, 990);
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RESHIP\",\"reason\":\"MISSING_ITEM\"}");
      assertThat(task(caseNo, "confirmMissing")).isNotNull();
      withdrawnCleanly(caseNo);
    }

    @Test
    void atTheDamageReview() {
      String orderNo = order("DELIVERED", "128.00", 1);
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RESHIP\",\"reason\":\"DAMAGED\","
          + "\"evidence\":[\"https://img.example/box.jpg\"]}");
      assertThat(task(caseNo, "reviewDamage")).isNotNull();
      withdrawnCleanly(caseNo);
    }

    @Test
    void whileWaitingForTheCouriersLossVerdict() {
      String orderNo = order("SHIPPED", "128.00", 1);
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RESHIP\",\"reason\":\"LOST\"}");
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(processOf(caseNo)).timers()
          .count()).as("the 3-working-day timer").isPositive();
      withdrawnCleanly(caseNo);
    }

    @Test
    void whileWatchingTheOriginalsPickup() {
      String orderNo = order("SHIPPED", "99.00", 1);
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RESHIP\",\"reason\":\"PICKUP_TIMEOUT\"}");
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
          .processDefinitionKey("pickup-watch").count()).isOne();
      withdrawnCleanly(caseNo);
    }

    @Test
    void aReshipmentNobodyCollectedIsTakenBack() {
      String caseNo = shortShippedCase();
      String reshipped = reship(caseNo);
      assertThat(warehouse.withdrawn("ZTO", reshipped)).isFalse();

      JsonNode view = withdrawnCleanly(caseNo);
      assertThat(warehouse.withdrawn("ZTO", reshipped)).as("it must not go out now").isTrue();
      assertThat(view.path("timeline").toString()).contains("仓库已撤回未揽收的包裹").contains(reshipped);
      assertThat(view.path("parcels").toString()).contains(reshipped);
      view.path("parcels").forEach(p -> {
        if (p.path("trackingNo").asText().equals(reshipped)) assertThat(p.path("withdrawnAt").isNull()).isFalse();
      });
    }

    @Test
    void aReshipmentTheCourierCollectedIsRefused() {
      String caseNo = shortShippedCase();
      String reshipped = reship(caseNo);
      // collected, and the pickup watch still runs: the event is stored but the watch has not ended yet
      jdbc.update("INSERT INTO tracking_events (carrier, tracking_no, event, occurred_at, received_at, delivered) "
          + "VALUES ('ZTO', ?, 'PICKED_UP', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, FALSE)", reshipped);
      refused(caseNo, 409, "goods have left for the buyer");
      assertThat(warehouse.withdrawn("ZTO", reshipped)).isFalse();
    }

    @Test
    void whileWaitingForAStalledParcelToMove() {
      String orderNo = order("SHIPPED", "99.00", 1);
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RESHIP\",\"reason\":\"STALLED\"}");
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
          .processDefinitionKey("pickup-watch").count()).as("watching the stalled parcel").isOne();
      withdrawnCleanly(caseNo);
    }

    @Test
    void atTheManagersRemedyAfterTwoUncollectedReshipments() {
      String caseNo = shortShippedCase();
      String first = reship(caseNo);
      clockPlus(Duration.ofHours(49));
      runDueJobsOfCase(caseNo);
      String second = reship(caseNo);
      clockPlus(Duration.ofHours(49));
      runDueJobsOfCase(caseNo);
      assertThat(task(caseNo, "managerRemedy")).isNotNull();
      assertThat(warehouse.withdrawn("ZTO", first)).isTrue();
      assertThat(warehouse.withdrawn("ZTO", second)).isTrue();
      withdrawnCleanly(caseNo);
    }

    @Test
    void atTheRemedyChoice() {
      String orderNo = order("DELIVERED", "128.00", 1);
      warehouse.packed(orderNo, Map.of("LJ-250", 1), null);
      assertThat(post("/api/orders/" + orderNo + "/promised-gifts",
          "{\"sku\":\"LJ-S5\",\"name\":\"龙井小样 5g\",\"value\":20.00}").status()).isEqualTo(201);
      String caseNo = open("{\"orderNo\":\"" + orderNo + "\",\"request\":\"RESHIP\",\"reason\":\"MISSING_GIFT\","
          + "\"amount\":20.00}");
      assertThat(task(caseNo, "remedy")).isNotNull();
      withdrawnCleanly(caseNo);
    }
  }

  @Nested
  class Exchange {
    private String shoes() {
      String orderNo = newOrderNo();
      Response r = post("/api/orders", """
          {"orderNo":"%s","buyer":{"id":"tb_s","name":"沈女士"},
           "items":[{"sku":"SHOE-38","name":"帆布鞋 38 码","category":"shoes","quantity":1,"unitPrice":199.00}],
           "paidAmount":199.00,"status":"DELIVERED",
           "shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"},"deliveredAt":"%s"}"""
          .formatted(orderNo, orderNo, OffsetDateTime.now().minusDays(2)));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      return orderNo;
    }

    private String exchange(String orderNo, String reason, String wanted) {
      return open("""
          {"orderNo":"%s","request":"EXCHANGE","reason":"%s",
           "items":[{"sku":"SHOE-38","quantity":1,"replacementSku":"%s"}],"evidence":["https://img.example/s.jpg"]}"""
          .formatted(orderNo, reason, wanted));
    }

    @Test
    void whileWaitingForTheBuyerToSendTheOriginal() {
      String caseNo = exchange(shoes(), "PERSONAL", "SHOE-39");
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
          .processDefinitionKey("return-receipt").count()).isOne();
      withdrawnCleanly(caseNo);
    }

    @Test
    void atTheOutOfStockChoiceAndWhileWaitingForRestock() {
      warehouse.stock("SHOE-44", 0);
      String atChoice = exchange(shoes(), "PERSONAL", "SHOE-44");
      assertThat(task(atChoice, "outOfStock")).isNotNull();
      withdrawnCleanly(atChoice);

      String waiting = exchange(shoes(), "PERSONAL", "SHOE-44");
      completeTask(waiting, "outOfStock", Map.of("acceptRefund", false, "waitForRestock", true));
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(processOf(waiting)).timers()
          .count()).as("the restock timer").isOne();
      withdrawnCleanly(waiting);
    }

    @Test
    void atTheEvidenceReview() {
      String caseNo = exchange(shoes(), "QUALITY", "SHOE-38");
      assertThat(task(caseNo, "reviewEvidence")).isNotNull();
      withdrawnCleanly(caseNo);
    }
  }

  @Test
  void onlyTheDeskMayWithdrawAndBadRequestsChangeNothing() {
    String caseNo = returnCaseAt("retain");
    for (String user : new String[] {"wh1", "analyst1"}) {
      assertThat(withdraw(caseNo, "x", user).status()).as(user).isEqualTo(403);
    }
    assertThat(send("POST", "/api/cases/" + caseNo + "/withdraw", "{\"reason\":\"x\"}", null, null).status())
        .isEqualTo(401);
    for (String[] bad : new String[][] {{"{}", "reason"}, {"{\"reason\":\"  \"}", "reason"},
        {"{\"reason\":\"" + "长".repeat(501) + "\"}", "reason"}, {"{\"reason\":\"x\",\"by\":\"me\"}", "by"}}) {
      Response r = send("POST", "/api/cases/" + caseNo + "/withdraw", bad[0], "agent1", USER_PASSWORD);
      assertThat(r.status()).as(bad[0] + " → " + r.body()).isEqualTo(400);
      assertThat(r.body()).contains(bad[1]);
    }
    Response unknown = withdraw("AS20000101-000001", "x", "agent1");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(caseView(caseNo).path("status").asText()).isEqualTo("OPEN");
    assertThat(task(caseNo, "retain")).isNotNull();

    withdrawnCleanly(caseNo);
    refused(caseNo, 409, "closed already (WITHDRAWN)");
  }

  /** A refund step that was waiting for the order while a withdrawal closed the case pays nothing. */
  @Test
  void aRefundOfAClosedCaseIsNeverPaid() {
    String caseNo = returnCaseAt("retain");
    withdrawnCleanly(caseNo);
    String orderNo = caseView(caseNo).path("orderNo").asText();
    assertThatThrownBy(() -> refundLedger.begin(caseNo, orderNo, new BigDecimal("10.00"), BigDecimal.ZERO,
        caseNo + ":late", new BigDecimal("128.00")))
        .isInstanceOf(RefundNotPayableException.class).hasMessageContaining("已结案（WITHDRAWN）");
    assertThat(refundLedger.ofCase(caseNo)).isEmpty();
  }
}
