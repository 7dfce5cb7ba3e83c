package com.shopdesk.aftersales.payment;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.orders.OrderRepository;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays the case's refund amount back to the buyer, never more than the order has left to refund. The
 * idempotency key is the case number plus the step's id (the calling activity's, when this runs in the called
 * process {@code refund}), so a retried job, or a crash after the provider paid, never pays twice. Sets
 * {@code refundPaidText} (e.g. "¥128.00") for the message to the buyer.
 */
@Component
public class IssueRefundDelegate implements JavaDelegate {
  private final RefundGateway gateway;
  private final RefundLedger ledger;
  private final OrderRepository orders;
  private final CaseTimeline timeline;

  public IssueRefundDelegate(RefundGateway gateway, RefundLedger ledger, OrderRepository orders,
      CaseTimeline timeline) {
    this.gateway = gateway;
    this.ledger = ledger;
    this.orders = orders;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    String key = CaseVariables.stepKey(execution);
    BigDecimal paid = orders.find(vars.orderNo()).orElseThrow().paidAmount();
    RefundLedger.Refund refund = ledger.begin(vars.caseNo(), vars.orderNo(), vars.refundAmount(),
        vars.shippingPart(), key, paid);
    execution.setVariable("refundPaidText", Money.format(refund.amount()));
    if (refund.status() == RefundLedger.Status.SUCCEEDED) {
      return;
    }
    String reference;
    try {
      reference = gateway.refund(key, vars.orderNo(), refund.amount());
    } catch (DuplicateRefundException alreadyPaid) {
      reference = alreadyPaid.existingReference();
    }
    ledger.succeeded(key, reference);
    timeline.record(vars.caseNo(), CaseTimeline.Kind.REFUND,
        "已退款 " + Money.format(refund.amount()) + "（支付流水 " + reference + "）", null);
  }
}
