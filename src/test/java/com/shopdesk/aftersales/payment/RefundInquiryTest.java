package com.shopdesk.aftersales.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.orders.PaymentChannel;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Where is my refund?": every refund shows the provider's reference, when it was paid and when the buyer should
 * see it by payment channel; asked before that date the desk gets the answer, asked after it an agent task to
 * chase the payment by its reference.
 */
class RefundInquiryTest extends AfterSalesTest {
  @Autowired RefundArrival arrival;

  /** An unshipped order refunded at once (refund-only under the automatic limit); returns the case number. */
  private String refundedCase(String channel) {
    String orderNo = newOrderNo();
    Response r = post("/api/orders", """
        {"orderNo":"%s","buyer":{"id":"tb_q","name":"秦女士"},
         "items":[{"sku":"LJ-250","name":"西湖龙井 250g","category":"tea","quantity":1,"unitPrice":128.00}],
         "paidAmount":128.00,"status":"UNSHIPPED"%s}""".formatted(orderNo,
        channel == null ? "" : ",\"paymentChannel\":\"" + channel + "\""));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String caseNo = openCaseThroughApi(
        "{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\",\"reason\":\"PERSONAL\"}");
    runDueJobsOfCase(caseNo);
    assertThat(caseView(caseNo).path("resolution").asText()).isEqualTo("REFUNDED");
    return caseNo;
  }

  private Response ask(String caseNo, String body, String user) {
    return send("POST", "/api/cases/" + caseNo + "/refund-inquiries", body, user, USER_PASSWORD);
  }

  private long chases(String caseNo) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("refund-chase")
        .processInstanceBusinessKey(caseNo).count();
  }

  @Test
  void aCreditCardRefundShowsWhenItArrivesAndIsAnsweredUntilThen() {
    String caseNo = refundedCase("CREDIT_CARD");
    JsonNode refund = caseView(caseNo).path("refunds").get(0);
    assertThat(refund.path("reference").asText()).startsWith("SBX-");
    OffsetDateTime paidAt = OffsetDateTime.parse(refund.path("paidAt").asText());
    assertThat(refund.path("channel").asText()).isEqualTo("CREDIT_CARD");
    assertThat(OffsetDateTime.parse(refund.path("expectedBy").asText()))
        .isEqualTo(arrival.of(paidAt, PaymentChannel.CREDIT_CARD).by()).isAfter(paidAt.plusDays(11));
    assertThat(refund.path("arrival").asText()).startsWith("退回信用卡，一般 2–10 个工作日到账，最晚 ");

    Response early = ask(caseNo, "{\"note\":\"信用卡账单里没看到\"}", "agent1");
    assertThat(early.status()).as(early.body()).isEqualTo(200);
    assertThat(early.json().path("overdue").asBoolean()).isFalse();
    assertThat(buyerMessages(caseNo)).as("the buyer was told when to expect it").contains("款项原路退回信用卡，一般 2–10 个工作日到账，最晚 ");
    assertThat(early.json().path("answer").asText()).contains(refund.path("reference").asText())
        .contains("最晚 " + arrival.of(paidAt, PaymentChannel.CREDIT_CARD).byText() + " 前到账");
    assertThat(chases(caseNo)).isZero();
    assertThat(caseView(caseNo).path("timeline").toString()).contains("买家询问退款到账（买家说：信用卡账单里没看到）");
  }

  @Test
  void askedAfterTheLatestDateAnAgentChasesThePaymentByItsReference() {
    String caseNo = refundedCase("BANK_CARD");
    JsonNode refund = caseView(caseNo).path("refunds").get(0);
    String reference = refund.path("reference").asText();
    OffsetDateTime by = OffsetDateTime.parse(refund.path("expectedBy").asText());
    ClockUtil.setCurrentTime(Date.from(by.plusMinutes(1).toInstant()));

    Response late = ask(caseNo, "{\"note\":\"储蓄卡还没收到\"}", "platform1");
    assertThat(late.status()).as(late.body()).isEqualTo(202);
    assertThat(late.json().path("overdue").asBoolean()).isTrue();
    assertThat(late.json().path("answer").asText()).contains(reference).contains("核查");
    Task chase = task(caseNo, "verifyArrival");
    assertThat(chase.getName()).isEqualTo("核查退款到账");
    assertThat(engine.getTaskService().getIdentityLinksForTask(chase.getId()))
        .anyMatch(l -> "agents".equals(l.getGroupId()));
    assertThat(engine.getTaskService().getVariable(chase.getId(), "refundReference")).isEqualTo(reference);
    assertThat(engine.getTaskService().getVariable(chase.getId(), "inquiryNote")).isEqualTo("储蓄卡还没收到");

    Response again = ask(caseNo, "{}", "agent1");
    assertThat(again.status()).as("one chase at a time").isEqualTo(409);
    assertThat(chases(caseNo)).isOne();

    completeTask(caseNo, "verifyArrival", Map.of("chaseOutcome", "ARRIVED",
        "chaseReply", "款项已于 12 月 3 日退回您的储蓄卡，请在银行流水中查看“支付宝退款”。"));
    assertThat(chases(caseNo)).isZero();
    assertThat(buyerMessages(caseNo)).contains("请在银行流水中查看");
    assertThat(caseView(caseNo).path("remarks").toString()).contains("退款未到账核查（支付流水 " + reference + "）");
  }

  @Test
  void aBalanceRefundIsThereAtOnceAndAnUnknownChannelCountsAsACard() {
    JsonNode balance = caseView(refundedCase("BALANCE")).path("refunds").get(0);
    assertThat(balance.path("expectedBy").asText()).isEqualTo(balance.path("paidAt").asText());
    assertThat(balance.path("arrival").asText()).startsWith("退回余额，即时到账");

    JsonNode unknown = caseView(refundedCase(null)).path("refunds").get(0);
    assertThat(unknown.has("channel")).isFalse();
    assertThat(unknown.path("arrival").asText()).startsWith("退回原支付方式，余额即时到账，银行卡和信用卡一般 2–10 个工作日到账，最晚 ");
  }

  @Test
  void theLatestDateCountsWorkingDaysPastTheNationalDayHolidays() {
    OffsetDateTime paid = OffsetDateTime.parse("2026-09-30T15:00:00+08:00");
    RefundArrival.Expected card = arrival.of(paid, PaymentChannel.CREDIT_CARD);
    assertThat(card.from()).isEqualTo(OffsetDateTime.parse("2026-10-09T15:00:00+08:00"));
    assertThat(card.by()).as("10 working days: 1–7 October off, Saturday 10 October worked")
        .isEqualTo(OffsetDateTime.parse("2026-10-20T15:00:00+08:00"));
  }

  @Test
  void noRefundYetWrongPeopleAndBadNotesAreRefused() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "300.00", 1);
    String open = openCaseThroughApi("{\"orderNo\":\"" + orderNo + "\",\"request\":\"REFUND_ONLY\",\"reason\":\"PERSONAL\"}");
    Response none = ask(open, "{}", "agent1");
    assertThat(none.status()).isEqualTo(409);
    assertThat(none.json().path("message").asText()).contains("no refund has been paid");
    assertThat(ask("AS20000101-000001", "{}", "agent1").status()).isEqualTo(404);

    String caseNo = refundedCase("CREDIT_CARD");
    int timeline = caseView(caseNo).path("timeline").size();
    assertThat(ask(caseNo, "{}", "wh1").status()).isEqualTo(403);
    assertThat(ask(caseNo, "{}", "analyst1").status()).isEqualTo(403);
    Response longNote = ask(caseNo, "{\"note\":\"" + "长".repeat(501) + "\"}", "agent1");
    assertThat(longNote.status()).isEqualTo(400);
    assertThat(longNote.body()).contains("note");
    assertThat(ask(caseNo, "{\"note\":\"x\",\"channel\":\"BALANCE\"}", "agent1").status()).isEqualTo(400);
    assertThat(caseView(caseNo).path("timeline").size()).as("nothing recorded").isEqualTo(timeline);
    assertThat(chases(caseNo)).isZero();
  }
}
