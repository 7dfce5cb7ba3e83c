package com.shopdesk.aftersales.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tests that play a buyer on the sandbox platform: sell an order there, press 申请退款, let the desk's feed take it
 * in, run the answers the desk sends back, and read the platform's record of the refund.
 */
public abstract class SandboxPlatformTest extends AfterSalesTest {
  @Autowired protected PlatformRefundFeed feed;

  protected record PlatformCase(String orderNo, String refundId, String caseNo) {}

  /** A one-line order (白玉茶盏, BY-1) the platform sold and the buyer received two days ago. */
  protected String sellOnPlatform(String price, String paymentChannel) {
    String orderNo = newOrderNo();
    Response sold = send("PUT", "/sandbox/platform/orders/" + orderNo, """
        {"orderNo":"%s","buyer":{"id":"tb_%s","name":"周女士","phone":"13800000000"},
         "items":[{"sku":"BY-1","name":"白玉茶盏","category":"teaware","quantity":1,"unitPrice":%s}],
         "paidAmount":%s,"status":"DELIVERED","shipment":{"carrier":"ZTO","trackingNo":"ZT-%s"},
         "deliveredAt":"%s","paymentChannel":"%s"}""".formatted(orderNo, orderNo, price, price, orderNo,
        OffsetDateTime.now().minusDays(2), paymentChannel), ADMIN, ADMIN_PASSWORD);
    assertThat(sold.status()).as(sold.body()).isEqualTo(204);
    return orderNo;
  }

  protected String sellOnPlatform(String price) {
    return sellOnPlatform(price, "BALANCE");
  }

  /** The buyer presses 申请退款; returns the platform's refund id. */
  protected String pressRefund(String orderNo, boolean goodsReturned, String amount, String reason) {
    Response r = post("/sandbox/platform/refunds", """
        {"orderNo":"%s","goodsReturned":%s,"amount":%s,"reason":"%s","description":"杯沿有裂纹"}"""
        .formatted(orderNo, goodsReturned, amount, reason));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("refundId").asText();
  }

  /** A 七天无理由 退货退款 of 128.00 pressed on the platform and taken in: the case waits at 挽留客户. */
  protected PlatformCase returnRequestedOnPlatform(String paymentChannel) {
    String orderNo = sellOnPlatform("128.00", paymentChannel);
    String refundId = pressRefund(orderNo, true, "128.00", "七天无理由退换货");
    feed.poll();
    String caseNo = caseOf(refundId);
    assertThat(caseNo).as("a case opened by the feed").isNotNull();
    runDueJobsOfCase(caseNo);
    task(caseNo, "retain");
    return new PlatformCase(orderNo, refundId, caseNo);
  }

  /** The case the desk opened for the platform refund, null when it opened none. */
  protected String caseOf(String refundId) {
    Response r = get("/api/platform-refunds/" + refundId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("caseNo").asText(null);
  }

  /** The answers the desk started for this platform refund (business key = refund id). */
  protected List<String> replyInstances(String refundId) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(refundId)
        .processDefinitionKey(PlatformReplyVariables.PROCESS).list().stream().map(p -> p.getId()).toList();
  }

  /** Their jobs, due or not (a failed one waits for its retry). */
  protected List<Job> replyJobs(String refundId) {
    return replyInstances(refundId).stream().flatMap(id -> engine.getManagementService().createJobQuery()
        .processInstanceId(id).list().stream()).toList();
  }

  /** Runs the answers that are due, as the job executor would. */
  protected void sendReplies(String refundId) {
    for (int round = 0; round < 5; round++) {
      List<Job> due = replyInstances(refundId).stream().flatMap(id -> engine.getManagementService().createJobQuery()
          .processInstanceId(id).executable().list().stream()).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** The platform's record of the refund, "ACTION detail" per entry, oldest first. */
  protected List<String> record(String refundId) {
    Response r = get("/sandbox/platform/refunds/" + refundId);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> actions = new ArrayList<>();
    r.json().path("actions").forEach(a -> actions.add(a.path("action").asText() + " " + a.path("detail").asText()));
    return actions;
  }

  /** The refund as the platform shows it. */
  protected JsonNode platformRefund(String refundId) {
    return get("/sandbox/platform/refunds/" + refundId).json().path("refund");
  }
}
