package com.shopdesk.aftersales.payment;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Pays the case's refund amount back to the buyer. The idempotency key is the case number plus this step's
 * id, so a retried job, or a crash after the provider paid, never pays twice.
 */
@Component
public class IssueRefundDelegate implements JavaDelegate {
  private final RefundGateway gateway;
  private final RefundLedger ledger;
  private final CaseTimeline timeline;

  public IssueRefundDelegate(RefundGateway gateway, RefundLedger ledger, CaseTimeline timeline) {
    this.gateway = gateway;
    this.ledger = ledger;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    String key = CaseVariables.stepKey(execution);
    RefundLedger.Refund refund = ledger.begin(vars.caseNo(), vars.orderNo(), vars.refundAmount(), key);
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
