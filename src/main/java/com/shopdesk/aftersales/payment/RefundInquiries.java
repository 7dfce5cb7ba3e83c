package com.shopdesk.aftersales.payment;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.api.ShopTime;
import com.shopdesk.aftersales.cases.CaseIntake;
import com.shopdesk.aftersales.cases.CaseLedger;
import com.shopdesk.aftersales.cases.CaseRecord;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Where is my refund?" (退款未到账): the answer from the case's latest paid refund, its reference and the date
 * it should arrive by for the order's payment channel. Asked after that date, it opens the 退款未到账核查 process,
 * an agent task with the reference to chase; one at a time per case.
 */
@Service
public class RefundInquiries {
  static final String CHASE_PROCESS = "refund-chase";
  private final CaseLedger cases;
  private final RefundLedger refunds;
  private final OrderRepository orders;
  private final RefundArrival arrival;
  private final CaseTimeline timeline;
  private final RuntimeService runtime;

  public RefundInquiries(CaseLedger cases, RefundLedger refunds, OrderRepository orders, RefundArrival arrival,
      CaseTimeline timeline, RuntimeService runtime) {
    this.cases = cases;
    this.refunds = refunds;
    this.orders = orders;
    this.arrival = arrival;
    this.timeline = timeline;
    this.runtime = runtime;
  }

  /** {@code answer}: what to tell the buyer; {@code chaseInstanceId}: the chase opened, when overdue. */
  public record Inquiry(String caseNo, boolean overdue, String reference, OffsetDateTime paidAt,
      OffsetDateTime expectedBy, String answer, String chaseInstanceId) {}

  @Transactional
  public Inquiry ask(String caseNo, String note, String user) {
    CaseRecord c = cases.find(caseNo)
        .orElseThrow(() -> ApiException.notFound("caseNo", "case " + caseNo + " not found"));
    List<RefundLedger.Refund> paid = refunds.ofCase(caseNo).stream()
        .filter(r -> r.status() == RefundLedger.Status.SUCCEEDED).toList();
    if (paid.isEmpty()) {
      throw ApiException.conflict("caseNo", "no refund has been paid in case " + caseNo + " yet"
          + (refunds.ofCase(caseNo).isEmpty() ? "" : ": one is being paid now"));
    }
    RefundLedger.Refund refund = paid.get(paid.size() - 1);
    Order order = orders.find(c.orderNo()).orElseThrow();
    RefundArrival.Expected expected = arrival.of(refund.paidAt(), order.paymentChannel());
    OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(ShopTime.ZONE).toOffsetDateTime();
    String paidText = ShopTime.minutes(refund.paidAt());
    String said = note == null || note.isBlank() ? "" : "（买家说：" + note + "）";
    if (!now.isAfter(expected.by())) {
      String answer = "款项 " + Money.format(refund.amount()) + " 已于 " + paidText + " 原路退回（支付流水 "
          + refund.reference() + "），" + expected.summary() + "。";
      timeline.record(caseNo, CaseTimeline.Kind.STEP, "买家询问退款到账" + said + "：" + answer, user);
      return new Inquiry(caseNo, false, refund.reference(), refund.paidAt(), expected.by(), answer, null);
    }
    if (runtime.createProcessInstanceQuery().processDefinitionKey(CHASE_PROCESS).processInstanceBusinessKey(caseNo)
        .count() > 0) {
      throw ApiException.conflict("caseNo", "the refund of case " + caseNo + " is being chased already: its task "
          + "核查退款到账 is in the agents' queue");
    }
    String id = runtime.startProcessInstanceByKey(CHASE_PROCESS, caseNo, Variables.createVariables()
        .putValue(CaseVariables.CASE_NO, caseNo)
        .putValue(CaseVariables.ORDER_NO, c.orderNo())
        .putValue(CaseVariables.BUYER_NAME, order.buyer().name())
        .putValue(CaseVariables.ITEMS_SUMMARY, CaseIntake.summary(cases.items(caseNo), order))
        .putValue(CaseVariables.AMOUNT, refund.amount().doubleValue())
        .putValue(CaseVariables.REFUND_AMOUNT, refund.amount().doubleValue())
        .putValue("refundReference", refund.reference())
        .putValue("refundPaidAtText", paidText)
        .putValue("paymentChannelText", expected.channelText())
        .putValue("expectedByText", expected.byText())
        .putValue("inquiryNote", note == null || note.isBlank() ? "（无）" : note)).getId();
    String answer = "款项 " + Money.format(refund.amount()) + " 已于 " + paidText + " 退回，按" + expected.channelText()
        + "应在 " + expected.byText() + " 前到账。我们已请专人凭支付流水 " + refund.reference() + " 向支付机构核查，"
        + "会尽快答复您。";
    timeline.record(caseNo, CaseTimeline.Kind.STEP, "买家反映退款未到账" + said + "，已过最晚到账时间 " + expected.byText()
        + "，转客服凭支付流水 " + refund.reference() + " 核查", user);
    return new Inquiry(caseNo, true, refund.reference(), refund.paidAt(), expected.by(), answer, id);
  }
}
