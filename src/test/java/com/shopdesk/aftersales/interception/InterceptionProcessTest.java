package com.shopdesk.aftersales.interception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.cases.CaseIntake;
import com.shopdesk.aftersales.courier.CourierEvent;
import com.shopdesk.aftersales.courier.CourierEventService;
import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.courier.TrackingEvents;
import com.shopdesk.aftersales.sandbox.SandboxCourier;
import com.shopdesk.aftersales.sandbox.SandboxOutages;
import com.shopdesk.aftersales.sandbox.SandboxPayments;
import com.shopdesk.aftersales.sandbox.SandboxWarehouse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/interception.bpmn, driven as the desk and the outside systems would drive it. */
class InterceptionProcessTest extends AfterSalesTest {
  @Autowired SandboxCourier courier;
  @Autowired SandboxWarehouse warehouse;
  @Autowired SandboxPayments payments;
  @Autowired TrackingEvents trackingEvents;
  @Autowired CourierEventService courierEvents;

  /** Taken while the instance runs; camunda-bpm-assert follows it into history once it has ended. */
  private ProcessInstance instance(CaseIntake.Opened opened) {
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(opened.processInstanceId()).singleResult();
    assertThat(pi).as("instance of " + opened.caseNo() + " is running").isNotNull();
    return pi;
  }

  private void assertClosed(String caseNo, String resolution, int refunds) {
    JsonNode view = caseView(caseNo);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("resolution").asText()).isEqualTo(resolution);
    assertThat(view.path("refunds")).hasSize(refunds);
    if (refunds > 0) {
      assertThat(buyerMessages(caseNo)).contains("已为您退款 ¥" + view.path("refunds").get(0).path("amount").decimalValue()
          .setScale(2));
    }
    assertThat(view.path("remarks")).hasSize(1);
    assertThat(view.path("remarks").get(0).path("text").asText()).startsWith("售后 " + caseNo);
  }

  /**
   * A parcel that had left the warehouse is refunded as soon as it is stopped, and followed back: the case stays open
   * until the courier has returned it, then closes without paying again.
   */
  private void assertRefundedFirstThenClosedWhenBack(CaseIntake.Opened opened, String carrier, String trackingNo) {
    JsonNode refunded = caseView(opened.caseNo());
    assertThat(refunded.path("refunds")).as("refunded first").hasSize(1);
    assertThat(refunded.path("status").asText()).as("still following the parcel back").isEqualTo("OPEN");
    BpmnAwareTests.assertThat(instance(opened)).isWaitingAt("waitReturn");
    push(opened.caseNo(), carrier, trackingNo, "RETURNED");
    assertClosed(opened.caseNo(), "REFUNDED", 1);
    assertThat(caseView(opened.caseNo()).path("timeline").toString()).contains("包裹已退回仓库");
  }

  private Task taskOf(String processInstanceId, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).singleResult();
  }

  private void push(String trackingNo, String event, String at) {
    Response r = post("/api/courier-events", """
        {"carrier":"ZTO","trackingNo":"%s","event":"%s","at":"%s"}""".formatted(trackingNo, event, at));
    assertThat(r.status()).as(r.body()).isIn(200, 202);
  }

  @Nested
  class NotShipped {

    @Test
    void smallAmountIsCancelledAtTheWarehouseAndRefundedAtOnce() {
      String orderNo = newOrderNo();
      importOrder(orderNo, "UNSHIPPED", null, "128.00", 2);
      CaseIntake.Opened opened = openRefundOnly(orderNo, "128.00");
      ProcessInstance pi = instance(opened);

      BpmnAwareTests.assertThat(pi).isWaitingAt("cancelOutbound");
      runDueJobs(opened.processInstanceId());

      BpmnAwareTests.assertThat(pi).isEnded().hasPassed("cancelOutbound", "refund", "closeRefunded");
      assertClosed(opened.caseNo(), "REFUNDED", 1);
      JsonNode refund = caseView(opened.caseNo()).path("refunds").get(0);
      assertThat(refund.path("amount").decimalValue()).isEqualByComparingTo("128.00");
      assertThat(refund.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(refund.path("idempotencyKey").asText()).isEqualTo(opened.caseNo() + ":refund");
      assertThat(payments.payments(orderNo)).hasSize(1);
    }

    @Test
    void aboveTheLimitAnAgentAgreesWithinTheDeadline() {
      String orderNo = newOrderNo();
      importOrder(orderNo, "UNSHIPPED", null, "300.00", 1);
      CaseIntake.Opened opened = openRefundOnly(orderNo, "300.00");
      runDueJobs(opened.processInstanceId());

      Task agree = taskOf(opened.processInstanceId(), "agreeRefund");
      assertThat(agree).isNotNull();
      assertThat(agree.getName()).isEqualTo("同意退款");
      assertThat(engine.getTaskService().getIdentityLinksForTask(agree.getId()))
          .anyMatch(l -> "agents".equals(l.getGroupId()));
      assertThat(Duration.between(agree.getCreateTime().toInstant(), agree.getDueDate().toInstant()))
          .as("due 24 hours after it was created (the two are read from the clock a moment apart)")
          .isBetween(Duration.ofHours(24), Duration.ofHours(24).plusSeconds(1));

      engine.getTaskService().claim(agree.getId(), "agent1");
      complete(agree, withVariables("refundAgreed", true));
      runDueJobs(opened.processInstanceId());

      assertClosed(opened.caseNo(), "REFUNDED", 1);
      assertThat(caseView(opened.caseNo()).path("handledBy").asText()).isEqualTo("agent1");
    }

    @Test
    void anAgentMayRefuseWithAReasonAndTheOrderShipsAfterAll() {
      String orderNo = newOrderNo();
      importOrder(orderNo, "UNSHIPPED", null, "300.00", 1);
      CaseIntake.Opened opened = openRefundOnly(orderNo, "300.00");
      runDueJobs(opened.processInstanceId());
      assertThat(warehouse.outboundStatus(orderNo)).isEqualTo("CANCELLED");

      complete(taskOf(opened.processInstanceId(), "agreeRefund"),
          withVariables("refundAgreed", false, "refusalReason", "定制刻字商品，已开始制作"));
      runDueJobs(opened.processInstanceId());

      assertClosed(opened.caseNo(), "REFUSED", 0);
      assertThat(payments.payments(orderNo)).isEmpty();
      assertThat(warehouse.outboundStatus(orderNo)).as("the buyer keeps paying, so the goods ship")
          .isEqualTo("PENDING");
      JsonNode view = caseView(opened.caseNo());
      assertThat(view.path("timeline").findValuesAsText("text"))
          .anyMatch(text -> text.contains("退款申请未能通过") && text.contains("定制刻字商品，已开始制作"));
      assertThat(view.path("remarks").get(0).path("text").asText()).contains("定制刻字商品，已开始制作");
    }

    @Test
    void overdueAgreementGoesToManagersWithoutTakingItFromTheAgent() {
      String orderNo = newOrderNo();
      importOrder(orderNo, "UNSHIPPED", null, "300.00", 1);
      CaseIntake.Opened opened = openRefundOnly(orderNo, "300.00");
      runDueJobs(opened.processInstanceId());
      assertThat(taskOf(opened.processInstanceId(), "agreeRefundEscalated")).isNull();

      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(25).toMillis()));
      runDueJobs(opened.processInstanceId());

      Task escalated = taskOf(opened.processInstanceId(), "agreeRefundEscalated");
      assertThat(escalated).isNotNull();
      assertThat(engine.getTaskService().getIdentityLinksForTask(escalated.getId()))
          .anyMatch(l -> "managers".equals(l.getGroupId()));
      assertThat(taskOf(opened.processInstanceId(), "agreeRefund")).as("agent keeps the task").isNotNull();

      complete(escalated, withVariables("refundAgreed", true));
      assertThat(taskOf(opened.processInstanceId(), "agreeRefund")).as("decided once, by the manager").isNull();
      runDueJobs(opened.processInstanceId());
      assertClosed(opened.caseNo(), "REFUNDED", 1);
    }

    @Test
    void shippedMeanwhileContinuesAsAnInterception() {
      String orderNo = newOrderNo();
      importOrder(orderNo, "UNSHIPPED", null, "128.00", 1);
      warehouse.ship(orderNo, "ZTO", "ZT-" + orderNo);
      CaseIntake.Opened opened = openRefundOnly(orderNo, "128.00");
      runDueJobs(opened.processInstanceId());

      BpmnAwareTests.assertThat(instance(opened)).isWaitingAt("waitOutcome")
          .variables().containsEntry("trackingNo", "ZT-" + orderNo).containsEntry("outboundCancelled", false);
      assertThat(courier.interceptionRequested("ZTO", "ZT-" + orderNo)).isTrue();
      assertThat(caseView(opened.caseNo()).path("parcels").get(0).path("trackingNo").asText())
          .isEqualTo("ZT-" + orderNo);
      assertThat(caseView(opened.caseNo()).path("timeline").toString()).contains("请直接拒收");
    }

    @Test
    void aWarehouseOutageBecomesAnIncidentAndRetryContinuesTheCase() {
      String orderNo = newOrderNo();
      importOrder(orderNo, "UNSHIPPED", null, "128.00", 1);
      CaseIntake.Opened opened = openRefundOnly(orderNo, "128.00");
      outages.down(SandboxOutages.SandboxSystem.WAREHOUSE, "维护中");
      try {
        for (int attempt = 0; attempt < 5; attempt++) {
          ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(attempt).toMillis()));
          Job job = engine.getManagementService().createJobQuery().processInstanceId(opened.processInstanceId())
              .singleResult();
          if (job.getRetries() == 0) break;
          try {
            engine.getManagementService().executeJob(job.getId());
          } catch (RuntimeException expected) {
            // the job executor would log it and retry later
          }
        }
        Incident incident = engine.getRuntimeService().createIncidentQuery()
            .processInstanceId(opened.processInstanceId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("cancelOutbound");
        assertThat(incident.getIncidentMessage()).contains("仓库接口暂不可用");
        assertThat(caseView(opened.caseNo()).path("status").asText()).isEqualTo("OPEN");
      } finally {
        outages.up(SandboxOutages.SandboxSystem.WAREHOUSE);
      }

      // What "retry" in Cockpit does: give the job its retries back.
      Job failed = engine.getManagementService().createJobQuery().processInstanceId(opened.processInstanceId())
          .singleResult();
      engine.getManagementService().setJobRetries(failed.getId(), 1);
      assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(opened.processInstanceId())
          .count()).isZero();
      ClockUtil.reset();
      engine.getManagementService().executeJob(failed.getId());
      runDueJobs(opened.processInstanceId());
      assertClosed(opened.caseNo(), "REFUNDED", 1);
    }
  }

  @Nested
  class InTransit {
    private CaseIntake.Opened startInTransit(String orderNo, String trackingNo) {
      importOrder(orderNo, "SHIPPED", trackingNo, "99.00", 1);
      CaseIntake.Opened opened = openRefundOnly(orderNo, "99.00");
      runDueJobs(opened.processInstanceId());
      return opened;
    }

    @Test
    void anInterceptedParcelIsRefundedAtOnceAndTheCaseClosesWhenItIsBack() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startInTransit(orderNo, "ZT-" + orderNo);
      BpmnAwareTests.assertThat(instance(opened)).isWaitingAt("waitOutcome");
      assertThat(courier.interceptionRequested("ZTO", "ZT-" + orderNo)).isTrue();

      push("ZT-" + orderNo, "INTERCEPTED", "2026-11-12T09:00:00+08:00");
      runDueJobs(opened.processInstanceId());
      assertThat(caseView(opened.caseNo()).path("parcels").get(0).path("latestEvent").asText())
          .isEqualTo("INTERCEPTED");

      assertRefundedFirstThenClosedWhenBack(opened, "ZTO", "ZT-" + orderNo);
      assertThat(payments.payments(orderNo)).hasSize(1);
    }

    @Test
    void parcelRejectedByTheBuyerIsRefunded() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startInTransit(orderNo, "ZT-" + orderNo);
      push("ZT-" + orderNo, "REJECTED", "2026-11-12T09:00:00+08:00");
      runDueJobs(opened.processInstanceId());
      assertRefundedFirstThenClosedWhenBack(opened, "ZTO", "ZT-" + orderNo);
    }

    @Test
    void failedInterceptionBuyerKeepsTheGoods() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startInTransit(orderNo, "ZT-" + orderNo);
      push("ZT-" + orderNo, "INTERCEPT_FAILED", "2026-11-12T09:00:00+08:00");

      Task negotiate = taskOf(opened.processInstanceId(), "negotiate");
      assertThat(negotiate.getName()).isEqualTo("包裹未能退回，与买家协商");
      assertThat(engine.getTaskService().getVariable(negotiate.getId(), "latestTracking").toString())
          .contains("拦截失败");
      complete(negotiate, withVariables("buyerKeepsGoods", true));

      assertClosed(opened.caseNo(), "CANCELLED", 0);
      assertThat(payments.payments(orderNo)).isEmpty();
    }

    @Test
    void deliveredDespiteInterceptionBuyerWantsToReturn() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startInTransit(orderNo, "ZT-" + orderNo);
      push("ZT-" + orderNo, "DELIVERED", "2026-11-12T09:00:00+08:00");

      complete(taskOf(opened.processInstanceId(), "negotiate"), withVariables("buyerKeepsGoods", false));
      assertClosed(opened.caseNo(), "TO_RETURN", 0);
    }

    @Test
    void anEventThatArrivedBeforeTheProcessWaitedIsNotLost() {
      String orderNo = newOrderNo();
      importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "99.00", 1);
      CaseIntake.Opened opened = openRefundOnly(orderNo, "99.00");
      ProcessInstance pi = instance(opened);
      push("ZT-" + orderNo, "INTERCEPTED", "2026-11-12T09:00:00+08:00");

      runDueJobs(opened.processInstanceId());

      BpmnAwareTests.assertThat(pi).hasNotPassed("waitOutcome").hasPassed("refund");
      assertRefundedFirstThenClosedWhenBack(opened, "ZTO", "ZT-" + orderNo);
    }

    @Test
    void anEventStoredInTheInstantBeforeTheWaitIsHandedOverByTheSweep() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startInTransit(orderNo, "ZT-" + orderNo);
      // Stored while the process was between reading the store and starting to wait: nobody took it.
      trackingEvents.store(new TrackingEvent("ZTO", "ZT-" + orderNo,
          CourierEvent.INTERCEPTED, OffsetDateTime.now()));
      BpmnAwareTests.assertThat(instance(opened)).isWaitingAt("waitOutcome");

      courierEvents.redeliver();
      runDueJobs(opened.processInstanceId());

      assertThat(caseView(opened.caseNo()).path("refunds")).hasSize(1);
      assertThat(trackingEvents.undeliveredSince(Instant.now().minusSeconds(600)))
          .noneMatch(e -> e.event().trackingNo().equals("ZT-" + orderNo));
    }

    @Test
    void theSamePushTwiceChangesNothing() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startInTransit(orderNo, "ZT-" + orderNo);
      String event = """
          {"carrier":"ZTO","trackingNo":"ZT-%s","event":"INTERCEPTED","at":"2026-11-12T09:00:00+08:00"}""".formatted(orderNo);

      Response first = post("/api/courier-events", event);
      Response second = post("/api/courier-events", event);

      assertThat(first.status()).isEqualTo(202);
      assertThat(first.json().path("deliveredTo").asInt()).isEqualTo(1);
      assertThat(second.status()).isEqualTo(200);
      assertThat(second.json().path("stored").asBoolean()).isFalse();
      assertThat(count("SELECT COUNT(*) FROM tracking_events WHERE tracking_no = ?", "ZT-" + orderNo)).isEqualTo(1);
      runDueJobs(opened.processInstanceId());
      assertThat(caseView(opened.caseNo()).path("refunds")).hasSize(1);
      assertThat(payments.payments(orderNo)).hasSize(1);
    }

    @Test
    void noWordFromTheCourierButTrackingShowsItStopped() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startInTransit(orderNo, "ZT-" + orderNo);
      ProcessInstance pi = instance(opened);
      courier.scan(new TrackingEvent("ZTO", "ZT-" + orderNo,
          CourierEvent.RETURNED, OffsetDateTime.now()));

      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(47).toMillis()));
      runDueJobs(opened.processInstanceId());
      BpmnAwareTests.assertThat(instance(opened)).isWaitingAt("waitOutcome");

      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(49).toMillis()));
      runDueJobs(opened.processInstanceId());
      BpmnAwareTests.assertThat(pi).isEnded().hasPassed("queryTracking", "refund");
      assertClosed(opened.caseNo(), "REFUNDED", 1);
    }

    @Test
    void noWordAndNoTrackingPutsTheCaseBeforeAnAgent() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startInTransit(orderNo, "ZT-" + orderNo);
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(49).toMillis()));
      runDueJobs(opened.processInstanceId());

      Task followUp = taskOf(opened.processInstanceId(), "followUp");
      assertThat(followUp.getName()).isEqualTo("拦截无回音，跟进处理");
      complete(followUp, withVariables("followUp", "WAIT"));
      BpmnAwareTests.assertThat(instance(opened)).isWaitingAt("waitOutcome");

      push("ZT-" + orderNo, "DELIVERED", "2026-11-13T09:00:00+08:00");
      complete(taskOf(opened.processInstanceId(), "negotiate"), withVariables("buyerKeepsGoods", true));
      assertClosed(opened.caseNo(), "CANCELLED", 0);
    }

    @Test
    void theAgentConfirmsWithTheCourierThatTheParcelIsComingBack() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startInTransit(orderNo, "ZT-" + orderNo);
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(49).toMillis()));
      runDueJobs(opened.processInstanceId());

      complete(taskOf(opened.processInstanceId(), "followUp"), withVariables("followUp", "REFUND"));
      runDueJobs(opened.processInstanceId());
      assertRefundedFirstThenClosedWhenBack(opened, "ZTO", "ZT-" + orderNo);
    }

    @Test
    void aRetriedRefundNeverPaysTwice() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startInTransit(orderNo, "ZT-" + orderNo);
      push("ZT-" + orderNo, "INTERCEPTED", "2026-11-12T09:00:00+08:00");
      // The provider paid on an earlier attempt whose transaction was lost (say, the node crashed).
      payments.refund(opened.caseNo() + ":refund", orderNo, new BigDecimal("99.00"));

      runDueJobs(opened.processInstanceId());

      assertRefundedFirstThenClosedWhenBack(opened, "ZTO", "ZT-" + orderNo);
      List<?> paid = payments.payments(orderNo);
      assertThat(paid).hasSize(1);
    }
  }

  /** A carrier without an interception API (圆通 in the sandbox): an agent asks its station and enters the answer. */
  @Nested
  class CarrierWithoutApi {
    private CaseIntake.Opened startAtStation(String orderNo) {
      Response imported = post("/api/orders", orderJson(orderNo, "SHIPPED", null, "99.00", 1)
          .replace("\"status\":\"SHIPPED\"", "\"status\":\"SHIPPED\",\"shipment\":{\"carrier\":\"YTO\","
              + "\"trackingNo\":\"YT-" + orderNo + "\"}"));
      assertThat(imported.status()).as(imported.body()).isIn(200, 201);
      CaseIntake.Opened opened = openRefundOnly(orderNo, "99.00");
      runDueJobs(opened.processInstanceId());
      BpmnAwareTests.assertThat(instance(opened)).isWaitingAt("askStation");
      assertThat(courier.interceptionRequested("YTO", "YT-" + orderNo)).as("no API call for 圆通").isFalse();
      return opened;
    }

    private void answer(CaseIntake.Opened opened, String answer) {
      complete(taskOf(opened.processInstanceId(), "askStation"),
          withVariables("stationAnswer", answer, "stationNote", "杭州西湖网点 王师傅"));
      runDueJobs(opened.processInstanceId());
    }

    @Test
    void aParcelTheStationStoppedIsRefunded() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startAtStation(orderNo);
      answer(opened, "STOPPED");
      assertThat(caseView(opened.caseNo()).path("timeline").toString()).contains("网点已拦下包裹")
          .contains("杭州西湖网点 王师傅");
      assertThat(caseView(opened.caseNo()).path("parcels").get(0).path("latestEvent").asText())
          .isEqualTo("INTERCEPTED");
      assertRefundedFirstThenClosedWhenBack(opened, "YTO", "YT-" + orderNo);
    }

    @Test
    void aParcelTheStationCouldNotStopGoesToTheBuyerTalk() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startAtStation(orderNo);
      answer(opened, "NOT_STOPPED");
      BpmnAwareTests.assertThat(instance(opened)).isWaitingAt("negotiate");
    }

    @Test
    void aStationThatTookTheRequestOnLeavesTheCaseWaitingForTheCourier() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startAtStation(orderNo);
      answer(opened, "ACCEPTED");
      BpmnAwareTests.assertThat(instance(opened)).isWaitingAt("waitOutcome");

      Response r = post("/api/courier-events", """
          {"carrier":"YTO","trackingNo":"YT-%s","event":"REJECTED","at":"2026-11-12T09:00:00+08:00"}"""
          .formatted(orderNo));
      assertThat(r.status()).as(r.body()).isIn(200, 202);
      runDueJobs(opened.processInstanceId());
      assertRefundedFirstThenClosedWhenBack(opened, "YTO", "YT-" + orderNo);
    }

    @Test
    void aWithdrawalAfterTheStationTookItOnAsksTheDeskToCallTheStationNotTheApi() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startAtStation(orderNo);
      answer(opened, "ACCEPTED");
      Response withdrawn = send("POST", "/api/cases/" + opened.caseNo() + "/withdraw", "{\"reason\":\"买家不要退款了\"}",
          "agent1", USER_PASSWORD);
      assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
      runDueJobsOfCase(opened.caseNo());

      assertThat(courier.interceptionCalledOff("YTO", "YT-" + orderNo)).isFalse();
      JsonNode view = caseView(opened.caseNo());
      assertThat(view.path("resolution").asText()).isEqualTo("WITHDRAWN");
      assertThat(view.path("remarks").findParents("text").stream()
          .filter(remark -> remark.path("text").asText().contains("请联系网点撤销 圆通速递 YT-" + orderNo + " 的拦截"))
          .map(remark -> remark.path("flag").asText())).as("a yellow remark: still owed").containsExactly("YELLOW");
    }

    @Test
    void onlyAgentsAnswerForTheStationAndOnlyWithTheFormsAnswers() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startAtStation(orderNo);
      String taskId = taskOf(opened.processInstanceId(), "askStation").getId();
      String stopped = "{\"variables\":{\"stationAnswer\":{\"value\":\"STOPPED\"},\"stationNote\":{\"value\":\"x\"}}}";
      for (String user : new String[] {"wh1", "analyst1", "platform1"}) {
        Response r = send("POST", "/engine-rest/task/" + taskId + "/submit-form", stopped, user, USER_PASSWORD);
        assertThat(r.status()).as(user + " → " + r.body()).isIn(403, 404);
      }
      String[][] bad = {
          {"{\"variables\":{\"stationAnswer\":{\"value\":\"MAYBE\"},\"stationNote\":{\"value\":\"x\"}}}", "stationAnswer"},
          {"{\"variables\":{\"stationAnswer\":{\"value\":\"STOPPED\"}}}", "stationNote"},
          {"{\"variables\":{\"stationAnswer\":{\"value\":\"STOPPED\"},\"stationNote\":{\"value\":\"x\"},"
              + "\"interceptedViaStation\":{\"value\":false}}}", "interceptedViaStation"},
      };
      for (String[] b : bad) {
        Response r = send("POST", "/engine-rest/task/" + taskId + "/submit-form", b[0], "agent1", USER_PASSWORD);
        assertThat(r.status()).as(b[0] + " → " + r.body()).isEqualTo(400);
        assertThat(r.body()).contains(b[1]);
      }
      BpmnAwareTests.assertThat(instance(opened)).isWaitingAt("askStation");
      assertThat(trackingEvents.ofParcel("YTO", "YT-" + orderNo)).as("nothing taken as the courier's answer").isEmpty();
      assertThat(caseView(opened.caseNo()).path("refunds")).isEmpty();
    }

    @Test
    void aWithdrawalBeforeTheStationWasAskedEndsTheTaskWithNothingToCallOff() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startAtStation(orderNo);
      Response withdrawn = send("POST", "/api/cases/" + opened.caseNo() + "/withdraw", "{\"reason\":\"买家不要退款了\"}",
          "agent1", USER_PASSWORD);
      assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
      runDueJobsOfCase(opened.caseNo());
      assertThat(taskOf(opened.processInstanceId(), "askStation")).isNull();
      assertThat(caseView(opened.caseNo()).path("resolution").asText()).isEqualTo("WITHDRAWN");
      assertThat(caseView(opened.caseNo()).path("remarks").toString()).doesNotContain("请联系网点撤销");
    }

    @Test
    void aCorrectionIntoAnotherProcessIsRefusedOnceTheStationActed() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = startAtStation(orderNo);
      answer(opened, "ACCEPTED");
      Response r = send("PATCH", "/api/cases/" + opened.caseNo(), "{\"request\":\"RESHIP\",\"reason\":\"LOST\"}",
          "agent1", USER_PASSWORD);
      assertThat(r.status()).as(r.body()).isEqualTo(409);
    }
  }

  /**
   * 截件 by urgency: a buyer who is not in a hurry ({@code "urgent":false}) is not intercepted for, but asked to
   * refuse the parcel at the local station, and refunded once it is back; a buyer in a hurry ({@code "urgent":true})
   * is refunded as soon as the parcel is stopped, and the case stays open until it is back.
   */
  @Nested
  class ByUrgency {
    private CaseIntake.Opened openShipped(String orderNo, String urgent) {
      importOrder(orderNo, "SHIPPED", "ZT-" + orderNo, "99.00", 1);
      Response r = post("/api/cases", """
          {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL","urgent":%s}""".formatted(orderNo, urgent));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      CaseIntake.Opened opened = new CaseIntake.Opened(r.json().path("caseNo").asText(),
          r.json().path("process").asText(), r.json().path("processInstanceId").asText());
      runDueJobs(opened.processInstanceId());
      return opened;
    }

    private void later(Duration by) {
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + by.toMillis()));
    }

    @Test
    void aBuyerNotInAHurryRefusesAtTheStationAndIsRefundedOnlyOnceTheParcelIsBack() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = openShipped(orderNo, "false");
      ProcessInstance pi = instance(opened);

      assertThat(courier.interceptionRequested("ZTO", "ZT-" + orderNo)).as("no interception").isFalse();
      BpmnAwareTests.assertThat(pi).isWaitingAt("waitStation");
      assertThat(buyerMessages(opened.caseNo())).contains("这边不做拦截").doesNotContain("请快递拦截");
      assertThat(caseView(opened.caseNo()).path("timeline").get(0).path("text").asText()).contains("买家不着急退款");

      push("ZT-" + orderNo, "IN_TRANSIT", "2026-11-12T09:00:00+08:00");
      runDueJobs(opened.processInstanceId());
      BpmnAwareTests.assertThat(pi).isWaitingAt("waitStation");
      assertThat(buyerMessages(opened.caseNo())).doesNotContain("已经到了您当地的派件网点");

      push("ZT-" + orderNo, "AT_STATION", "2026-11-13T08:00:00+08:00");
      runDueJobs(opened.processInstanceId());
      assertThat(buyerMessages(opened.caseNo())).contains("已经到了您当地的派件网点，快递员派送时请直接拒收");
      BpmnAwareTests.assertThat(pi).isWaitingAt("waitOutcome");

      push("ZT-" + orderNo, "REJECTED", "2026-11-13T10:00:00+08:00");
      runDueJobs(opened.processInstanceId());
      BpmnAwareTests.assertThat(pi).isWaitingAt("waitReturn");
      JsonNode refused = caseView(opened.caseNo());
      assertThat(refused.path("status").asText()).isEqualTo("OPEN");
      assertThat(refused.path("refunds")).as("no refund before the parcel is back").isEmpty();
      assertThat(payments.payments(orderNo)).isEmpty();

      push("ZT-" + orderNo, "RETURNING", "2026-11-13T18:00:00+08:00");
      runDueJobs(opened.processInstanceId());
      BpmnAwareTests.assertThat(pi).isWaitingAt("waitReturn");

      push("ZT-" + orderNo, "RETURNED", "2026-11-15T11:00:00+08:00");
      runDueJobs(opened.processInstanceId());
      BpmnAwareTests.assertThat(pi).isEnded().hasPassed("refundReturned").hasNotPassed("requestInterception", "refund");
      assertClosed(opened.caseNo(), "REFUNDED", 1);
      assertThat(buyerMessages(opened.caseNo())).contains("包裹已经退回我们仓库，已为您退款 ¥99.00");
      assertThat(payments.payments(orderNo)).hasSize(1);
    }

    @Test
    void aParcelThatNeverReachesTheStationPutsTheCaseBeforeAnAgent() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = openShipped(orderNo, "false");
      ProcessInstance pi = instance(opened);

      later(Duration.ofHours(71));
      runDueJobs(opened.processInstanceId());
      BpmnAwareTests.assertThat(pi).isWaitingAt("waitStation");

      later(Duration.ofHours(73));
      runDueJobs(opened.processInstanceId());
      Task followUp = taskOf(opened.processInstanceId(), "stationFollowUp");
      assertThat(followUp.getName()).isEqualTo("包裹未到派件网点，跟进处理");
      complete(followUp, withVariables("stationFollowUp", "WAIT"));
      BpmnAwareTests.assertThat(pi).isWaitingAt("waitStation");
      assertThat(buyerMessages(opened.caseNo())).doesNotContain("已经到了您当地的派件网点");

      later(Duration.ofHours(73 + 73));
      runDueJobs(opened.processInstanceId());
      complete(taskOf(opened.processInstanceId(), "stationFollowUp"), withVariables("stationFollowUp", "AT_STATION"));
      assertThat(buyerMessages(opened.caseNo())).contains("已经到了您当地的派件网点，快递员派送时请直接拒收");
      BpmnAwareTests.assertThat(pi).isWaitingAt("waitOutcome");
      assertThat(courier.interceptionRequested("ZTO", "ZT-" + orderNo)).isFalse();
    }

    @Test
    void aBuyerInAHurryIsRefundedFirstAndTheCaseClosesOnlyOnceTheParcelIsBack() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = openShipped(orderNo, "true");
      ProcessInstance pi = instance(opened);
      assertThat(courier.interceptionRequested("ZTO", "ZT-" + orderNo)).isTrue();
      BpmnAwareTests.assertThat(pi).isWaitingAt("waitOutcome");

      push("ZT-" + orderNo, "INTERCEPTED", "2026-11-12T09:00:00+08:00");
      runDueJobs(opened.processInstanceId());
      JsonNode refunded = caseView(opened.caseNo());
      assertThat(refunded.path("refunds")).as("refunded first").hasSize(1);
      assertThat(buyerMessages(opened.caseNo())).contains("已为您退款 ¥99.00");
      assertThat(refunded.path("status").asText()).as("still following the parcel").isEqualTo("OPEN");
      BpmnAwareTests.assertThat(pi).isWaitingAt("waitReturn");

      push("ZT-" + orderNo, "RETURNED", "2026-11-14T15:00:00+08:00");
      runDueJobs(opened.processInstanceId());
      BpmnAwareTests.assertThat(pi).isEnded().hasPassed("refund", "closeReturned").hasNotPassed("refundReturned");
      assertClosed(opened.caseNo(), "REFUNDED", 1);
      assertThat(payments.payments(orderNo)).hasSize(1);
    }

    @Test
    void aParcelThatDoesNotComeBackInTimeGoesToAnAgentWhoFindsItAtTheWarehouse() {
      String orderNo = newOrderNo();
      CaseIntake.Opened opened = openShipped(orderNo, "true");
      ProcessInstance pi = instance(opened);
      push("ZT-" + orderNo, "INTERCEPTED", "2026-11-12T09:00:00+08:00");
      runDueJobs(opened.processInstanceId());
      BpmnAwareTests.assertThat(pi).isWaitingAt("waitReturn");

      later(Duration.ofDays(10).plusHours(1));
      runDueJobs(opened.processInstanceId());
      Task followUp = taskOf(opened.processInstanceId(), "parcelBackFollowUp");
      assertThat(followUp.getName()).isEqualTo("退回包裹未到仓，跟进处理");
      complete(followUp, withVariables("parcelBackFollowUp", "ARRIVED"));

      assertClosed(opened.caseNo(), "REFUNDED", 1);
      assertThat(payments.payments(orderNo)).hasSize(1);
    }

    @Test
    void whileTheWarehouseCanStillCancelTheBuyersHurryChangesNothing() {
      String orderNo = newOrderNo();
      importOrder(orderNo, "UNSHIPPED", null, "128.00", 1);
      Response r = post("/api/cases", """
          {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL","urgent":false}""".formatted(orderNo));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      runDueJobs(r.json().path("processInstanceId").asText());

      assertThat(warehouse.outboundStatus(orderNo)).isEqualTo("CANCELLED");
      assertClosed(r.json().path("caseNo").asText(), "REFUNDED", 1);
    }

    @Test
    void urgentIsAStrictBooleanForInterceptionsOnlyAndABadOneOpensNoCase() {
      String shipped = newOrderNo();
      importOrder(shipped, "SHIPPED", "ZT-" + shipped, "99.00", 1);
      String delivered = newOrderNo();
      importOrder(delivered, "DELIVERED", "ZT-" + delivered, "99.00", 1);

      for (String[] bad : new String[][] {
          {shipped, "\"REFUND_ONLY\"", "\"yes\""},
          {shipped, "\"REFUND_ONLY\"", "\"true\""},
          {shipped, "\"REFUND_ONLY\"", "1"},
          {delivered, "\"REFUND_ONLY\"", "true"},
          {shipped, "\"RESHIP\"", "false"}}) {
        Response r = post("/api/cases", """
            {"orderNo":"%s","request":%s,"reason":"PERSONAL","urgent":%s}""".formatted(bad[0], bad[1], bad[2]));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().path("field").asText()).as(r.body()).isEqualTo("urgent");
      }
      assertThat(count("SELECT COUNT(*) FROM cases WHERE order_no IN (?, ?)", shipped, delivered)).isZero();
    }
  }
}
