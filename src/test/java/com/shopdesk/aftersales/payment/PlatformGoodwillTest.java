package com.shopdesk.aftersales.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shopdesk.aftersales.platform.SandboxPlatformTest;
import com.shopdesk.aftersales.sandbox.SandboxPlatform;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Goodwill on a case born on the sandbox platform: the buyer asked for a 退货退款 there, the agent talked them into
 * keeping the goods for ¥20 (task {@code retain}). While the platform refund is still open, that ¥20 is paid by
 * agreeing it there. Once it can no longer carry the money — here a colleague already refused it on the seller
 * workbench (千牛) after the phone call, before the agent closed the task — the ¥20 goes from the shop's Alipay to the
 * buyer's Alipay account recorded on the order, never as a refund of a payment the shop never took; without that
 * account the step stops as an incident that says what to add, and pays nothing until it is added and retried.
 */
class PlatformGoodwillTest extends SandboxPlatformTest {
  private static final String ACCOUNT = "zhou.nvshi@example.com";
  /** The process that carries each of the desk's answers to the platform (PlatformReplyVariables.PROCESS). */

  @Autowired SandboxPlatform platform;

  @Test
  void aRetentionWhileThePlatformRefundIsOpenIsPaidByAgreeingItThereAndNothingIsTransferred() {
    PlatformCase c = returnRequestedOnPlatform("CREDIT_CARD");
    addAlipayAccount(c.orderNo(), ACCOUNT);

    completeTask(c.caseNo(), "retain", Map.of("retained", true, "retentionAmount", 20.0));
    sendReplies(c.refundId());

    assertThat(caseView(c.caseNo()).path("resolution").asText()).isEqualTo("RETAINED");
    assertThat(record(c.refundId()).stream().filter(a -> a.startsWith("AGREE_REFUND ")).toList())
        .containsExactly("AGREE_REFUND 同意退款 ¥20.00");
    assertThat(platformRefundState(c.refundId())).isEqualTo("SUCCESS");
    assertThat(sandboxPayments(c.orderNo())).as("the platform paid from escrow").isEmpty();
    assertThat(jdbc.queryForObject("SELECT provider_ref FROM refunds WHERE case_no = ? AND status = 'SUCCEEDED'",
        String.class, c.caseNo())).isEqualTo("平台退款单 " + c.refundId());
    assertThat(caseView(c.caseNo()).path("timeline").toString()).doesNotContain("转账到买家支付宝");
  }

  @Test
  void aRetentionAfterThePlatformRefundWasRefusedIsTransferredToTheBuyersAlipayOnce() {
    PlatformCase c = returnRequestedOnPlatform("CREDIT_CARD");
    refusedOnTheSellerWorkbench(c);
    addAlipayAccount(c.orderNo(), ACCOUNT);

    completeTask(c.caseNo(), "retain", Map.of("retained", true, "retentionAmount", 20.0));
    sendReplies(c.refundId());

    assertThat(caseView(c.caseNo()).path("resolution").asText()).isEqualTo("RETAINED");
    List<Map<String, String>> paid = sandboxPayments(c.orderNo());
    assertThat(paid).as("GET /sandbox/payments").singleElement().satisfies(p -> {
      assertThat(p).containsEntry("kind", "TRANSFER").containsEntry("payee_account", ACCOUNT)
          .containsEntry("payee_name", "周女士").containsEntry("idempotency_key", c.caseNo() + ":refundRetention");
      assertThat(p.get("amount")).isEqualTo("20.00");
    });
    assertThat(jdbc.queryForObject("SELECT provider_ref FROM refunds WHERE case_no = ? AND status = 'SUCCEEDED'",
        String.class, c.caseNo())).isEqualTo(paid.get(0).get("payment_ref"));
    assertThat(record(c.refundId())).as("nothing agreed on the platform")
        .noneMatch(a -> a.startsWith("AGREE_REFUND"));
    assertThat(caseView(c.caseNo()).path("timeline").toString())
        .contains("已转账到买家支付宝 ¥20.00（支付流水 " + paid.get(0).get("payment_ref") + "）");
    assertThat(buyerMessages(c.caseNo())).contains("已为您退款 ¥20.00").contains("支付宝账户，即时到账");

    runDueJobsOfCase(c.caseNo());
    assertThat(sandboxPayments(c.orderNo())).as("paid once").hasSize(1);
  }

  @Test
  void withoutTheBuyersAlipayAccountTheTransferStopsAsAnIncidentAndPaysNothingUntilItIsAddedAndRetried() {
    PlatformCase c = returnRequestedOnPlatform("CREDIT_CARD");
    refusedOnTheSellerWorkbench(c);

    BpmnAwareTests.complete(task(c.caseNo(), "retain"), Map.of("retained", true, "retentionAmount", 20.0));
    Job pay = issueRefundJob(c.caseNo());
    for (int attempt = 0; attempt < 10 && retriesLeft(pay) > 0; attempt++) {
      try {
        engine.getManagementService().executeJob(pay.getId());
      } catch (RuntimeException expected) {
        // no account to pay: the job keeps its place and counts its retries down
      }
    }

    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(pay.getProcessInstanceId())
        .singleResult();
    assertThat(incident).as("an incident for Cockpit").isNotNull();
    assertThat(incident.getIncidentMessage()).isEqualTo("订单 " + c.orderNo() + " 的买家支付宝账号未知：请在订单中补充买家的"
        + "支付宝账号（buyer.alipayAccount）后在 Cockpit 重试");
    assertThat(sandboxPayments(c.orderNo())).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM refunds WHERE case_no = ?", c.caseNo())).as("nothing in the ledger")
        .isZero();
    assertThat(record(c.refundId())).noneMatch(a -> a.startsWith("AGREE_REFUND"));

    addAlipayAccount(c.orderNo(), ACCOUNT);
    engine.getManagementService().setJobRetries(pay.getId(), 1); // "retry" in Cockpit
    engine.getManagementService().executeJob(pay.getId());
    runDueJobsOfCase(c.caseNo());

    assertThat(sandboxPayments(c.orderNo())).singleElement().satisfies(p -> assertThat(p)
        .containsEntry("kind", "TRANSFER").containsEntry("payee_account", ACCOUNT).containsEntry("amount", "20.00"));
    assertThat(caseView(c.caseNo()).path("resolution").asText()).isEqualTo("RETAINED");
  }

  @Test
  void theBuyersAlipayAccountIsShownWithTheOrderAndKeptWhenAnImportBringsNone() {
    PlatformCase c = returnRequestedOnPlatform("CREDIT_CARD");
    assertThat(get("/api/orders/" + c.orderNo()).json().path("buyer").path("alipayAccount").asText(null))
        .as("the platform's import does not give it").isNull();

    addAlipayAccount(c.orderNo(), ACCOUNT);
    assertThat(get("/api/orders/" + c.orderNo()).json().path("buyer").path("alipayAccount").asText())
        .isEqualTo(ACCOUNT);

    ObjectNode again = orderAsShown(c.orderNo());
    ((ObjectNode) again.path("buyer")).remove("alipayAccount");
    assertThat(post("/api/orders", again.toString()).status()).isEqualTo(200);
    assertThat(get("/api/orders/" + c.orderNo()).json().path("buyer").path("alipayAccount").asText())
        .as("an import without it keeps it").isEqualTo(ACCOUNT);

    ((ObjectNode) again.path("buyer")).put("alipayAccount", "x".repeat(101));
    assertThat(post("/api/orders", again.toString()).status()).isEqualTo(400);
  }

  // --- the platform, as PlatformRefundsTest plays it -------------------------------------------------------

  /**
   * A colleague answered the request on the seller workbench before the agent closed the task: the buyer keeps the
   * goods for a compensation, so the ¥128 refund was refused there. The desk reads that on its next poll.
   */
  private void refusedOnTheSellerWorkbench(PlatformCase c) {
    platform.refuseRefund(c.refundId(), "已与买家电话协商：买家保留商品，店铺另行补偿");
    feed.poll();
    assertThat(platformRefundState(c.refundId())).isEqualTo("SELLER_REFUSE_BUYER");
    assertThat(caseView(c.caseNo()).path("status").asText()).as("the case goes on").isEqualTo("OPEN");
  }

  /** The agent adds the buyer's Alipay account (asked for on the phone) by importing the order again with it. */
  private void addAlipayAccount(String orderNo, String account) {
    ObjectNode order = orderAsShown(orderNo);
    ((ObjectNode) order.path("buyer")).put("alipayAccount", account);
    Response saved = post("/api/orders", order.toString());
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().path("buyer").path("alipayAccount").asText()).isEqualTo(account);
  }

  private ObjectNode orderAsShown(String orderNo) {
    Response shown = get("/api/orders/" + orderNo);
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    ObjectNode order = (ObjectNode) shown.json();
    order.remove("receiptExtension");
    return order;
  }

  private Job issueRefundJob(String caseNo) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo).list().stream()
        .flatMap(p -> engine.getManagementService().createJobQuery().processInstanceId(p.getId())
            .activityId("issueRefund").list().stream())
        .findFirst().orElseThrow(() -> new AssertionError("no issueRefund job for " + caseNo));
  }

  private int retriesLeft(Job job) {
    return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries();
  }

  private String platformRefundState(String refundId) {
    return platformRefund(refundId).path("state").asText();
  }

  /** GET /sandbox/payments, each payment's fields by lower-case name (the database may answer in upper case). */
  private List<Map<String, String>> sandboxPayments(String orderNo) {
    Response r = get("/sandbox/payments?orderNo=" + orderNo);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<Map<String, String>> payments = new ArrayList<>();
    for (JsonNode p : r.json()) {
      Map<String, String> fields = new HashMap<>();
      p.fields().forEachRemaining(f -> fields.put(f.getKey().toLowerCase(Locale.ROOT),
          f.getValue().isNull() ? null : f.getValue().isNumber()
              ? f.getValue().decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString() : f.getValue().asText()));
      payments.add(fields);
    }
    return payments;
  }
}
