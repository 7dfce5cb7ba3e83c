package com.shopdesk.aftersales.complaints;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.payment.RefundLedger;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The platform judged a complaint or an intervention for the buyer and paid the buyer itself (平台判定退款): records
 * {@code platformRefundAmount} as a refund paid by the platform, so no money moves through the shop's
 * {@code RefundGateway}, the order has that much less left to refund, and a refund step of the linked case takes it
 * as paid instead of paying again. Once per step (the key is the case number and this step's id). Sets
 * {@code platformRefundText} (e.g. "¥128.00") for the remark and the closing.
 */
@Component
public class RecordPlatformRefundDelegate implements JavaDelegate {
  private final RefundLedger refunds;
  private final CaseTimeline timeline;

  public RecordPlatformRefundDelegate(RefundLedger refunds, CaseTimeline timeline) {
    this.refunds = refunds;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    ComplaintVariables complaint = ComplaintVariables.of(execution);
    BigDecimal amount = complaint.platformRefundAmount();
    if (amount.signum() <= 0) {
      throw new IllegalStateException("平台判定退款金额为 0：没有可登记的平台退款");
    }
    String key = CaseVariables.stepKey(execution);
    boolean recorded = refunds.find(key).isPresent();
    RefundLedger.Refund refund = refunds.recordPaidByPlatform(vars.caseNo(), complaint.linkedCase(), vars.orderNo(),
        amount, key, "平台判定退款（" + vars.caseNo() + "）");
    execution.setVariable("platformRefundText", Money.format(refund.amount()));
    if (!recorded) {
      timeline.record(vars.caseNo(), CaseTimeline.Kind.REFUND, "平台判定支持买家，平台已退款 "
          + Money.format(refund.amount()) + "：店铺不另行退款", null);
      timeline.record(complaint.linkedCase(), CaseTimeline.Kind.STEP, "平台已就售后单 " + vars.caseNo() + " 判定退款 "
          + Money.format(refund.amount()) + "：本单的退款不再重复支付", null);
    }
  }
}
