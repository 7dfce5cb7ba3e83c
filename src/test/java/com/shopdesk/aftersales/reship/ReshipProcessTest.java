package com.shopdesk.aftersales.reship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.courier.CourierEvent;
import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.sandbox.SandboxCourier;
import com.shopdesk.aftersales.sandbox.SandboxOutages;
import com.shopdesk.aftersales.sandbox.SandboxWarehouse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/reship.bpmn and the pickup watch it calls, bpmn/pickup-watch.bpmn. */
class ReshipProcessTest extends AfterSalesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  @Autowired SandboxWarehouse warehouse;
  @Autowired SandboxCourier courier;

  private String shippedOrder(String status, String price, int quantity) {
    String orderNo = newOrderNo();
    importOrder(orderNo, status, "ZT-" + orderNo, price, quantity);
    return orderNo;
  }

  private String openCase(String orderNo, String request, String reason, String amount) {
    Response r = post("/api/cases", """
        {"orderNo":"%s","request":"%s","reason":"%s","amount":%s,"evidence":["https://img.example/box.jpg"]}"""
        .formatted(orderNo, request, reason, amount));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("process").asText()).isEqualTo("reship");
    String caseNo = r.json().path("caseNo").asText();
    runDueJobsOfCase(caseNo);
    return caseNo;
  }


  private Object taskVariable(String caseNo, String key, String variable) {
    return engine.getTaskService().getVariable(task(caseNo, key).getId(), variable);
  }


  private void push(String caseNo, String trackingNo, String event) {
    post("/api/courier-events", """
        {"carrier":"ZTO","trackingNo":"%s","event":"%s","at":"%s"}""".formatted(trackingNo, event, OffsetDateTime.now()));
    runDueJobsOfCase(caseNo);
  }

  private void clockAt(String shanghaiDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(shanghaiDateTime).atZone(SHANGHAI).toInstant()));
  }

  private void clockPlus(Duration d) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + d.toMillis()));
  }


  /** Chooses a reshipment and returns its tracking number. */
  private String reship(String caseNo, String taskKey) {
    // as Tasklist submits it: the refund amount the form shows stays as it was
    completeTask(caseNo, taskKey, Map.of("remedy", "RESHIP", "refundAmount", taskVariable(caseNo, taskKey, "refundAmount")));
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("reship").list().stream()
        .map(pi -> (String) engine.getRuntimeService().getVariable(pi.getId(), "reshipTrackingNo"))
        .findFirst().orElseThrow();
  }

  @Nested
  class MissingItems {
    @Test
    void aShortPackingRecordConfirmsItAndTheReshipmentIsPickedUp() {
      String orderNo = shippedOrder("DELIVERED", "128.00", 2);
      warehouse.packed(orderNo, Map.of("LJ-250", 1), 500);
      Response opened = post("/api/cases", """
          {"orderNo":"%s","request":"RESHIP","reason":"MISSING_ITEM","items":[{"sku":"LJ-250","quantity":1}],
           "amount":128.00}""".formatted(orderNo));
      String caseNo = opened.json().path("caseNo").asText();
      runDueJobsOfCase(caseNo);

      assertThat(taskVariable(caseNo, "remedy", "remedy")).as("suggested by the table").isEqualTo("RESHIP");
      assertThat(taskVariable(caseNo, "remedy", "verificationNote").toString()).contains("订购 2 件，只装了 1 件");
      String reshipped = reship(caseNo, "remedy");

      assertThat(buyerMessages(caseNo)).contains(reshipped);
      push(caseNo, reshipped, "PICKED_UP");
      JsonNode view = closed(caseNo, "RESHIPPED");
      assertThat(view.path("parcels").toString()).contains("RESHIP").contains(reshipped);
    }

    @Test
    void aLightParcelAtPickupConfirmsIt() {
      String orderNo = shippedOrder("DELIVERED", "128.00", 2);
      warehouse.packed(orderNo, Map.of("LJ-250", 2), 1000);
      courier.weighed("ZTO", "ZT-" + orderNo, 520);
      String caseNo = openCase(orderNo, "REFUND_ONLY", "MISSING_ITEM", "128.00");
      assertThat(taskVariable(caseNo, "remedy", "verificationNote").toString()).contains("明显偏轻");
    }

    @Test
    void notConfirmedAndTheBuyerLetsItGo() {
      String orderNo = shippedOrder("DELIVERED", "128.00", 2);
      warehouse.packed(orderNo, Map.of("LJ-250", 2), 1000);
      courier.weighed("ZTO", "ZT-" + orderNo, 990);
      String caseNo = openCase(orderNo, "RESHIP", "MISSING_ITEM", "128.00");

      assertThat(taskVariable(caseNo, "confirmMissing", "verificationNote").toString())
          .contains("已装齐").contains("一致");
      completeTask(caseNo, "confirmMissing", Map.of("boxOpened", false, "buyerInsists", false));
      assertThat(closed(caseNo, "NOT_CONFIRMED").path("refunds")).isEmpty();
      assertThat(buyerMessages(caseNo)).as("the buyer hears what was checked").contains("没有发现漏发")
          .contains("一致");
    }

    @Test
    void notConfirmedButTheBuyerInsists() {
      String orderNo = shippedOrder("DELIVERED", "128.00", 2);
      String caseNo = openCase(orderNo, "RESHIP", "MISSING_ITEM", "128.00");
      assertThat(taskVariable(caseNo, "confirmMissing", "verificationNote").toString()).contains("无打包记录");
      completeTask(caseNo, "confirmMissing", Map.of("boxOpened", false, "buyerInsists", true));
      assertThat(task(caseNo, "remedy").getName()).isEqualTo("补发或退款");
    }

    @Test
    void anOpenedBoxOnAParcelThatLeftWholeIsTheftClaimedBesideTheRemedy() {
      String orderNo = shippedOrder("DELIVERED", "128.00", 2);
      warehouse.packed(orderNo, Map.of("LJ-250", 2), 1000);
      courier.weighed("ZTO", "ZT-" + orderNo, 990);
      String caseNo = openCase(orderNo, "RESHIP", "MISSING_ITEM", "128.00");
      assertThat(taskVariable(caseNo, "confirmMissing", "leftWhole")).isEqualTo(true);

      completeTask(caseNo, "confirmMissing", Map.of("boxOpened", true));
      assertThat(courier.claims(caseNo)).as("theft in the courier's care").isEqualTo(1);
      assertThat(buyerMessages(caseNo)).contains("运输途中被拿走").contains("已向快递索赔").contains("当场拒收")
          .contains("一致");
      completeTask(caseNo, "remedy", Map.of("remedy", "REFUND", "refundAmount", 128.0));
      JsonNode view = closed(caseNo, "REFUNDED");
      assertThat(view.path("refunds")).hasSize(1);
      assertThat(view.path("remarks").findValuesAsText("text")).anyMatch(text -> text.contains("已退款"));
      assertThat(courier.claims(caseNo)).isEqualTo(1);
    }

    @Test
    void anOpenedBoxWithoutProofItLeftWholeIsRemediedWithoutAClaim() {
      String orderNo = shippedOrder("DELIVERED", "128.00", 2);
      String caseNo = openCase(orderNo, "RESHIP", "MISSING_ITEM", "128.00");
      assertThat(taskVariable(caseNo, "confirmMissing", "leftWhole")).as("no packing record").isEqualTo(false);

      completeTask(caseNo, "confirmMissing", Map.of("boxOpened", true));
      String reshipped = reship(caseNo, "remedy");
      push(caseNo, reshipped, "PICKED_UP");
      closed(caseNo, "RESHIPPED");
      assertThat(courier.claims(caseNo)).isZero();
      assertThat(buyerMessages(caseNo)).doesNotContain("索赔");
    }

    @Test
    void aMissingGiftIsSuggestedAsAPartialRefund() {
      String orderNo = shippedOrder("DELIVERED", "128.00", 1);
      warehouse.packed(orderNo, Map.of("LJ-250", 1), null);
      assertThat(post("/api/orders/" + orderNo + "/promised-gifts",
          "{\"sku\":\"LJ-S5\",\"name\":\"龙井小样 5g\",\"value\":20.00}").status()).isEqualTo(201);
      String caseNo = openCase(orderNo, "RESHIP", "MISSING_GIFT", "20.00");
      assertThat(taskVariable(caseNo, "remedy", "remedy")).isEqualTo("REFUND");
      assertThat(taskVariable(caseNo, "remedy", "refundAmount")).isEqualTo(20.0);
      completeTask(caseNo, "remedy", Map.of("remedy", "REFUND", "refundAmount", 15.0));
      JsonNode view = closed(caseNo, "REFUNDED");
      assertThat(new BigDecimal(view.path("refunds").get(0).path("amount").asText())).isEqualByComparingTo("15.00");
    }
  }

  @Nested
  class NoPickupScan {
    @Test
    void theCourierIsUrgedAndAScanWithinTheDeadlineResolvesIt() {
      String orderNo = shippedOrder("SHIPPED", "99.00", 1);
      String caseNo = openCase(orderNo, "RESHIP", "PICKUP_TIMEOUT", "99.00");
      assertThat(courier.urged("ZTO", "ZT-" + orderNo)).isTrue();
      assertThat(buyerMessages(caseNo)).contains("催促快递");

      push(caseNo, "ZT-" + orderNo, "PICKED_UP");
      closed(caseNo, "RESOLVED");
    }

    @Test
    void aScanStoredBeforeTheWatchStartedCounts() {
      String orderNo = shippedOrder("SHIPPED", "99.00", 1);
      post("/api/courier-events", """
          {"carrier":"ZTO","trackingNo":"ZT-%s","event":"PICKED_UP","at":"2026-11-20T09:00:00+08:00"}""".formatted(orderNo));
      String caseNo = openCase(orderNo, "RESHIP", "PICKUP_TIMEOUT", "99.00");
      closed(caseNo, "RESOLVED");
    }

    @Test
    void noScanWithin48HoursEndsInARemedy() {
      String orderNo = shippedOrder("SHIPPED", "99.00", 1);
      String caseNo = openCase(orderNo, "RESHIP", "PICKUP_TIMEOUT", "99.00");
      clockPlus(Duration.ofHours(47));
      runDueJobsOfCase(caseNo);
      assertThat(caseView(caseNo).path("status").asText()).isEqualTo("OPEN");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).count()).isZero();

      clockPlus(Duration.ofHours(2));
      runDueJobsOfCase(caseNo);
      assertThat(warehouse.withdrawn("ZTO", "ZT-" + orderNo)).as("nobody collected it: it must not go out now").isTrue();
      assertThat(taskVariable(caseNo, "remedy", "parcelsText").toString()).contains("仓库已撤回");
      completeTask(caseNo, "remedy", Map.of("remedy", "REFUND", "refundAmount", 99.0));
      JsonNode view = closed(caseNo, "REFUNDED");
      assertThat(view.path("parcels").get(0).path("withdrawnAt").isNull()).isFalse();
    }

    @Test
    void aParcelCollectedWhileTheWarehouseWasDownIsNotWithdrawn() {
      String orderNo = shippedOrder("SHIPPED", "99.00", 1);
      String caseNo = openCase(orderNo, "RESHIP", "PICKUP_TIMEOUT", "99.00");
      clockPlus(Duration.ofHours(49));
      outages.down(SandboxOutages.SandboxSystem.WAREHOUSE, "仓库系统升级");
      Job withdraw;
      try {
        runDueJobsOfCase(caseNo);
        fail("the warehouse is down");
      } catch (RuntimeException expected) {
        // the job executor would retry it, then open an incident for Cockpit
      } finally {
        outages.up(SandboxOutages.SandboxSystem.WAREHOUSE);
      }
      withdraw = engine.getManagementService().createJobQuery().activityId("withdrawParcel")
          .processInstanceId(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
              .processDefinitionKey("pickup-watch").singleResult().getId()).singleResult();
      assertThat(withdraw.getExceptionMessage()).contains("仓库");

      courier.scan(new TrackingEvent("ZTO", "ZT-" + orderNo, CourierEvent.PICKED_UP, OffsetDateTime.now()));
      engine.getManagementService().executeJob(withdraw.getId());
      runDueJobsOfCase(caseNo);
      closed(caseNo, "RESOLVED");
      assertThat(warehouse.withdrawn("ZTO", "ZT-" + orderNo)).isFalse();
    }

    @Test
    void atTheDeadlineTheCourierIsAskedOnceMoreAndAMissedScanCounts() {
      String orderNo = shippedOrder("SHIPPED", "99.00", 1);
      String caseNo = openCase(orderNo, "RESHIP", "PICKUP_TIMEOUT", "99.00");
      courier.scan(new TrackingEvent("ZTO", "ZT-" + orderNo, CourierEvent.PICKED_UP, OffsetDateTime.now()));
      clockPlus(Duration.ofHours(49));
      runDueJobsOfCase(caseNo);
      closed(caseNo, "RESOLVED");
    }
  }

  @Nested
  class Stalled {
    @Test
    void onlyMovementAfterTheUrgeCounts() {
      String orderNo = shippedOrder("SHIPPED", "99.00", 1);
      post("/api/courier-events", """
          {"carrier":"ZTO","trackingNo":"ZT-%s","event":"IN_TRANSIT","at":"2026-11-10T09:00:00+08:00"}""".formatted(orderNo));
      String caseNo = openCase(orderNo, "RESHIP", "STALLED", "99.00");

      assertThat(caseView(caseNo).path("status").asText()).as("the old scan is not movement").isEqualTo("OPEN");
      assertThat(caseView(caseNo).path("remarks").toString()).contains("物流停滞");
      assertThat(buyerMessages(caseNo)).as("the buyer hears the courier was chased").contains("已经催促快递尽快派送")
          .contains("ZT-" + orderNo);
      push(caseNo, "ZT-" + orderNo, "IN_TRANSIT");
      closed(caseNo, "RESOLVED");
    }

    @Test
    void stillStalledAfterTheDeadlineEndsInAReshipment() {
      String orderNo = shippedOrder("SHIPPED", "99.00", 1);
      String caseNo = openCase(orderNo, "RESHIP", "STALLED", "99.00");
      clockPlus(Duration.ofHours(49));
      runDueJobsOfCase(caseNo);
      assertThat(warehouse.withdrawn("ZTO", "ZT-" + orderNo)).as("a stalled parcel is on its way").isFalse();
      String reshipped = reship(caseNo, "remedy");
      push(caseNo, reshipped, "PICKED_UP");
      closed(caseNo, "RESHIPPED");
    }
  }

  @Nested
  class Lost {
    @Test
    void foundByTheCourier() {
      String orderNo = shippedOrder("SHIPPED", "128.00", 1);
      String caseNo = openCase(orderNo, "RESHIP", "LOST", "128.00");
      assertThat(courier.investigating("ZTO", "ZT-" + orderNo)).isTrue();
      assertThat(buyerMessages(caseNo)).contains("3 个工作日");

      push(caseNo, "ZT-" + orderNo, "FOUND");
      closed(caseNo, "FOUND");
      assertThat(buyerMessages(caseNo)).contains("已找到");
      assertThat(courier.claims(caseNo)).isZero();
    }

    @Test
    void confirmedLostIsClaimedAndRemedied() {
      String orderNo = shippedOrder("SHIPPED", "128.00", 1);
      String caseNo = openCase(orderNo, "RESHIP", "LOST", "128.00");
      push(caseNo, "ZT-" + orderNo, "LOST");
      assertThat(courier.claims(caseNo)).isEqualTo(1);
      completeTask(caseNo, "remedy", Map.of("remedy", "REFUND", "refundAmount", 128.0));
      closed(caseNo, "REFUNDED");
    }

    @Test
    void aLargeRefundWaitsForAManagerWhoMaySendItBackToTheAgent() {
      String orderNo = shippedOrder("SHIPPED", "1280.00", 1);
      String caseNo = openCase(orderNo, "RESHIP", "LOST", "1280.00");
      push(caseNo, "ZT-" + orderNo, "LOST");
      completeTask(caseNo, "remedy", Map.of("remedy", "REFUND", "refundAmount", 1280.0));
      assertThat(caseView(caseNo).path("refunds")).isEmpty();

      completeTask(caseNo, "managerApproval", Map.of("approved", false, "approvalComment", "先补发"));
      assertThat(caseView(caseNo).path("refunds")).isEmpty();
      assertThat(caseView(caseNo).path("remarks").findValuesAsText("text"))
          .anyMatch(text -> text.contains("主管未批准这笔退款：先补发"));
      completeTask(caseNo, "remedy", Map.of("remedy", "REFUND", "refundAmount", 1280.0));
      completeTask(caseNo, "managerApproval", Map.of("approved", true));
      JsonNode view = closed(caseNo, "REFUNDED");
      assertThat(view.path("refunds")).hasSize(1);
      assertThat(view.path("refunds").get(0).path("idempotencyKey").asText()).isEqualTo(caseNo + ":refund");
    }

    @ParameterizedTest(name = "opened {0}: still waiting at {1}, remedied at {2}")
    @CsvSource({
        "2026-11-20T10:00, 2026-11-25T09:59, 2026-11-25T10:01, across a weekend",
        "2026-09-29T10:00, 2026-10-08T23:00, 2026-10-09T10:01, across the National Day holiday",
        "2026-02-11T10:00, 2026-02-13T23:00, 2026-02-14T10:01, landing on the make-up Saturday",
    })
    void noVerdictWithinThreeWorkingDays(String opened, String stillWaiting, String remedied, String why) {
      clockAt(opened);
      String orderNo = shippedOrder("SHIPPED", "128.00", 1);
      String caseNo = openCase(orderNo, "RESHIP", "LOST", "128.00");

      clockAt(stillWaiting);
      runDueJobsOfCase(caseNo);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).count()).as(why).isZero();

      clockAt(remedied);
      runDueJobsOfCase(caseNo);
      assertThat(task(caseNo, "remedy")).as(why).isNotNull();
      assertThat(courier.claims(caseNo)).isEqualTo(1);
    }
  }

  @Nested
  class SignedButNotReceived {
    private static final String SIGNED_AT = "2026-11-20T14:05:00+08:00";

    /** A delivered order whose parcel the courier reported signed for (by {@code signer}, or nobody named). */
    private String signedFor(String signer) {
      String orderNo = shippedOrder("DELIVERED", "128.00", 1);
      Response pushed = post("/api/courier-events", """
          {"carrier":"ZTO","trackingNo":"ZT-%s","event":"DELIVERED","at":"%s"%s}"""
          .formatted(orderNo, SIGNED_AT, signer == null ? "" : ",\"signer\":\"" + signer + "\""));
      assertThat(pushed.status()).as(pushed.body()).isEqualTo(202);
      return orderNo;
    }

    private String openSigned(String orderNo) {
      String caseNo = openCase(orderNo, "LOGISTICS", "SIGNED_NOT_RECEIVED", "128.00");
      assertThat(taskVariable(caseNo, "verifySignature", "signedAtText")).isEqualTo("2026-11-20 14:05");
      return caseNo;
    }

    private void courierSays(String caseNo, Map<String, Object> answer) {
      completeTask(caseNo, "verifySignature", answer);
    }

    private java.util.List<String> remarks(String caseNo) {
      return caseView(caseNo).path("remarks").findValuesAsText("text");
    }

    @Test
    void theSignerFromTrackingIsShownAndSomeoneElseSignedAndTheBuyerGotItBack() {
      String caseNo = openSigned(signedFor("门卫"));
      assertThat(taskVariable(caseNo, "verifySignature", "signedBy")).isEqualTo("门卫");

      courierSays(caseNo, Map.of("signatureAnswer", "OTHER", "actualSigner", "小区东门门卫"));
      assertThat(buyerMessages(caseNo)).contains("2026-11-20 14:05").contains("小区东门门卫").contains("代为签收");
      assertThat(remarks(caseNo)).anyMatch(t -> t.contains("物流签收人 门卫") && t.contains("他人代签，代签人 小区东门门卫"));

      completeTask(caseNo, "confirmRecovered", Map.of("parcelRecovered", true));
      JsonNode view = closed(caseNo, "FOUND");
      assertThat(view.path("refunds")).isEmpty();
      assertThat(remarks(caseNo)).anyMatch(t -> t.contains("买家已取回包裹"));
      assertThat(courier.claims(caseNo)).isZero();
    }

    @Test
    void someoneElseSignedAndItIsNotFoundSoItIsReshipped() {
      String caseNo = openSigned(signedFor("丰巢快递柜"));
      courierSays(caseNo, Map.of("signatureAnswer", "OTHER", "actualSigner", "丰巢快递柜"));
      completeTask(caseNo, "confirmRecovered", Map.of("parcelRecovered", false));

      String reshipped = reship(caseNo, "remedy");
      assertThat(buyerMessages(caseNo)).contains(reshipped);
      push(caseNo, reshipped, "PICKED_UP");
      closed(caseNo, "RESHIPPED");
      assertThat(remarks(caseNo)).anyMatch(t -> t.contains("已补发"));
      assertThat(courier.claims(caseNo)).as("someone signed: nothing to claim").isZero();
    }

    @Test
    void someoneElseSignedAndItIsNotFoundSoItIsRefunded() {
      String caseNo = openSigned(signedFor("家人"));
      courierSays(caseNo, Map.of("signatureAnswer", "OTHER", "actualSigner", "家人"));
      completeTask(caseNo, "confirmRecovered", Map.of("parcelRecovered", false));

      completeTask(caseNo, "remedy", Map.of("remedy", "REFUND", "refundAmount", 128.0));
      JsonNode view = closed(caseNo, "REFUNDED");
      assertThat(new BigDecimal(view.path("refunds").get(0).path("amount").asText())).isEqualByComparingTo("128.00");
      assertThat(buyerMessages(caseNo)).contains("128.00");
      assertThat(courier.claims(caseNo)).isZero();
    }

    @Test
    void notSignedAtAllIsClaimedOnceAndRemedied() {
      String caseNo = openSigned(signedFor(null));
      assertThat(taskVariable(caseNo, "verifySignature", "signedBy")).isEqualTo("快递未记录签收人");

      courierSays(caseNo, Map.of("signatureAnswer", "NOT_SIGNED"));
      assertThat(courier.claims(caseNo)).isEqualTo(1);
      assertThat(buyerMessages(caseNo)).contains("并没有签收").contains("补发或退款");
      assertThat(remarks(caseNo)).anyMatch(t -> t.contains("快递答复：并未签收"));

      String first = reship(caseNo, "remedy");
      clockPlus(Duration.ofHours(49));
      runDueJobsOfCase(caseNo);
      completeTask(caseNo, "remedy", Map.of("remedy", "REFUND", "refundAmount", 128.0));
      JsonNode view = closed(caseNo, "REFUNDED");
      assertThat(view.path("refunds")).hasSize(1);
      assertThat(warehouse.withdrawn("ZTO", first)).isTrue();
      assertThat(courier.claims(caseNo)).as("a second remedy files no second claim").isEqualTo(1);
    }

    @Test
    void signedInPersonTheBuyerIsToldWhenAndAReturnRefundCaseOpens() {
      String orderNo = signedFor("本人");
      String caseNo = openSigned(orderNo);
      courierSays(caseNo, Map.of("signatureAnswer", "SELF"));
      assertThat(buyerMessages(caseNo)).contains("2026-11-20 14:05").contains("由本人签收").contains("签收人：本人");

      completeTask(caseNo, "negotiateReturn", Map.of("buyerWantsReturn", true));
      closed(caseNo, "TO_RETURN");
      assertThat(remarks(caseNo)).anyMatch(t -> t.contains("转退货退款"));
      JsonNode open = get("/api/cases?orderNo=" + orderNo + "&status=OPEN").json();
      assertThat(open).hasSize(1);
      assertThat(open.get(0).path("process").asText()).isEqualTo("return-refund");
      assertThat(open.get(0).path("linkedFrom").asText()).isEqualTo(caseNo);
      String returnCase = open.get(0).path("caseNo").asText();
      assertThat(caseView(returnCase).path("reason").asText()).as("a return of goods signed for in person: 七天无理由")
          .isEqualTo("NO_REASON");
      runDueJobsOfCase(returnCase);
      assertThat(buyerMessages(returnCase)).as("straight to the return").contains("将商品寄回");
      assertThat(courier.claims(caseNo)).isZero();
    }

    @Test
    void signedInPersonAndTheBuyerLetsItDrop() {
      String caseNo = openSigned(signedFor("本人"));
      courierSays(caseNo, Map.of("signatureAnswer", "SELF"));
      completeTask(caseNo, "negotiateReturn", Map.of("buyerWantsReturn", false));
      JsonNode view = closed(caseNo, "CANCELLED");
      assertThat(view.path("refunds")).isEmpty();
      assertThat(remarks(caseNo)).anyMatch(t -> t.contains("买家不再追究"));
    }

    @Test
    void anAgentMustNameWhoSignedWhenTheCourierSaysSomeoneElseDid() {
      String caseNo = openSigned(signedFor("门卫"));
      String taskId = task(caseNo, "verifySignature").getId();
      Response claim = send("POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"agent1\"}", "agent1",
          USER_PASSWORD);
      assertThat(claim.status()).as(claim.body()).isEqualTo(204);

      Response nameless = send("POST", "/engine-rest/task/" + taskId + "/complete", """
          {"variables":{"signatureAnswer":{"value":"OTHER"}}}""", "agent1", USER_PASSWORD);
      assertThat(nameless.status()).as(nameless.body()).isEqualTo(400);
      assertThat(nameless.body()).contains("actualSigner");
      assertThat(task(caseNo, "verifySignature").getId()).isEqualTo(taskId);

      Response named = send("POST", "/engine-rest/task/" + taskId + "/complete", """
          {"variables":{"signatureAnswer":{"value":"OTHER"},"actualSigner":{"value":"小区东门门卫"}}}""", "agent1",
          USER_PASSWORD);
      assertThat(named.status()).as(named.body()).isEqualTo(204);
      runDueJobsOfCase(caseNo);
      assertThat(task(caseNo, "confirmRecovered")).isNotNull();
    }

    @Test
    void aSignerOnlyTheCourierKnowsIsFetchedWhenThePushWasMissed() {
      String orderNo = shippedOrder("DELIVERED", "128.00", 1);
      Response scanned = post("/sandbox/courier/scans?push=false", """
          {"carrier":"ZTO","trackingNo":"ZT-%s","event":"DELIVERED","at":"%s","signer":"菜鸟驿站"}"""
          .formatted(orderNo, SIGNED_AT));
      assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
      String caseNo = openSigned(orderNo);
      assertThat(taskVariable(caseNo, "verifySignature", "signedBy")).isEqualTo("菜鸟驿站");
    }
  }

  @Nested
  class DamagedInTransit {
    @Test
    void confirmedDamageIsClaimedAndRemedied() {
      String orderNo = shippedOrder("DELIVERED", "128.00", 1);
      String caseNo = openCase(orderNo, "RESHIP", "DAMAGED", "128.00");
      assertThat(taskVariable(caseNo, "reviewDamage", "evidenceText").toString()).contains("box.jpg");
      completeTask(caseNo, "reviewDamage", Map.of("damageConfirmed", true));
      assertThat(courier.claims(caseNo)).isEqualTo(1);
      assertThat(task(caseNo, "remedy")).isNotNull();
    }

    @Test
    void unconfirmedDamageClosesAndTellsTheBuyerWhy() {
      String orderNo = shippedOrder("DELIVERED", "128.00", 1);
      String caseNo = openCase(orderNo, "RESHIP", "DAMAGED", "128.00");
      completeTask(caseNo, "reviewDamage", Map.of("damageConfirmed", false, "refusalReason", "外箱完好，照片看不出破损"));
      closed(caseNo, "NOT_CONFIRMED");
      assertThat(buyerMessages(caseNo)).contains("无法确认商品在运输中破损：外箱完好，照片看不出破损");
      assertThat(courier.claims(caseNo)).isZero();
    }
  }

  @Test
  void aReshipmentNotPickedUpTwiceGoesToManagersWhoseRefundNeedsNoSecondApproval() {
    String orderNo = shippedOrder("DELIVERED", "300.00", 2);
    warehouse.packed(orderNo, Map.of("LJ-250", 1), null);
    String caseNo = openCase(orderNo, "RESHIP", "MISSING_ITEM", "300.00");

    String first = reship(caseNo, "remedy");
    clockPlus(Duration.ofHours(49));
    runDueJobsOfCase(caseNo);
    assertThat(taskVariable(caseNo, "remedy", "reshipAttempts")).isEqualTo(1);

    assertThat(warehouse.withdrawn("ZTO", first)).as("only one reshipment may go out").isTrue();
    String second = reship(caseNo, "remedy");
    assertThat(second).isNotEqualTo(first);
    clockPlus(Duration.ofHours(49));
    runDueJobsOfCase(caseNo);

    Task manager = task(caseNo, "managerRemedy");
    assertThat(engine.getTaskService().getIdentityLinksForTask(manager.getId()))
        .anyMatch(l -> "managers".equals(l.getGroupId()));
    assertThat(warehouse.withdrawn("ZTO", second)).as("no goods after the refund").isTrue();
    completeTask(caseNo, "managerRemedy", Map.of("remedy", "REFUND", "refundAmount", 300.0));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo)
        .taskDefinitionKey("managerApproval").count()).as("a manager decided it already").isZero();
    JsonNode view = closed(caseNo, "REFUNDED");
    assertThat(view.path("parcels").toString()).contains(first).contains(second);
  }
}
