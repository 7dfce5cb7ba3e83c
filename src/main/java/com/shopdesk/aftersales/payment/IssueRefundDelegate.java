package com.shopdesk.aftersales.payment;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.platform.PlatformCases;
import com.shopdesk.aftersales.platform.PlatformGateway;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays the case's refund amount back to the buyer, never more than the order has left to refund. The
 * idempotency key is the case number plus the step's id (the calling activity's, when this runs in the called
 * process {@code refund}), so a retried job, or a crash after the provider paid, never pays twice. Sets
 * {@code refundPaidText} (e.g. "¥128.00") and {@code refundArrivalText} (e.g. "退回信用卡，一般 2–10 个工作日到账，最晚
 * 2026-12-18 22:25 前到账") for the message to the buyer.
 * <p>
 * A case born on the platform is paid by agreeing its refund there (同意退款: the platform pays from escrow), once per
 * case; a further payment on the same case (compensation after the refund) and every case opened by hand go to the
 * payment provider.
 */
@Component
public class IssueRefundDelegate implements JavaDelegate {
  private final RefundGateway gateway;
  private final RefundLedger ledger;
  private final OrderRepository orders;
  private final CaseTimeline timeline;
  private final RefundArrival arrival;
  private final PlatformGateway platform;
  private final PlatformCases platformCases;

  public IssueRefundDelegate(RefundGateway gateway, RefundLedger ledger, OrderRepository orders,
      CaseTimeline timeline, RefundArrival arrival, PlatformGateway platform, PlatformCases platformCases) {
    this.arrival = arrival;
    this.platform = platform;
    this.platformCases = platformCases;
    this.gateway = gateway;
    this.ledger = ledger;
    this.orders = orders;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    String key = CaseVariables.stepKey(execution);
    Order order = orders.find(vars.orderNo()).orElseThrow();
    RefundLedger.Refund refund = ledger.begin(vars.caseNo(), vars.orderNo(), vars.refundAmount(),
        vars.shippingPart(), key, order.paidAmount());
    execution.setVariable("refundPaidText", Money.format(refund.amount()));
    if (refund.status() == RefundLedger.Status.SUCCEEDED) {
      execution.setVariable("refundArrivalText", arrival.of(refund.paidAt(), order.paymentChannel()).summary());
      return;
    }
    String reference;
    Optional<String> platformRefund = platformCases.refundToAgree(vars.caseNo(), key);
    if (platformRefund.isPresent()) {
      platformCases.agreedBy(platformRefund.get(), key);
      reference = "平台退款单 " + platform.agreeRefund(platformRefund.get(), refund.amount());
    } else {
      try {
        reference = gateway.refund(key, vars.orderNo(), refund.amount());
      } catch (DuplicateRefundException alreadyPaid) {
        reference = alreadyPaid.existingReference();
      }
    }
    ledger.succeeded(key, reference);
    execution.setVariable("refundArrivalText",
        arrival.of(ledger.find(key).orElseThrow().paidAt(), order.paymentChannel()).summary());
    timeline.record(vars.caseNo(), CaseTimeline.Kind.REFUND,
        "已退款 " + Money.format(refund.amount()) + "（支付流水 " + reference + "）", null);
  }
}
