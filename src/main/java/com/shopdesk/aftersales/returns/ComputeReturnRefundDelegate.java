package com.shopdesk.aftersales.returns;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.cases.TaskInputs;
import com.shopdesk.aftersales.config.Policy;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The refund for received goods: the amount asked for, plus the buyer's return shipping when the seller
 * pays it (quality faults), up to {@code aftersales.return-shipping-cap}. Sets {@code refundAmount} and, for
 * the shipping part, {@code shippingRefund}. Input {@code refundGoods} (default true): false for an exchange,
 * where only the shipping is paid back: then it sets {@code shippingRefund} alone.
 */
@Component
public class ComputeReturnRefundDelegate implements JavaDelegate {
  private final Policy policy;
  private final CaseTimeline timeline;

  public ComputeReturnRefundDelegate(Policy policy, CaseTimeline timeline) {
    this.policy = policy;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    boolean goods = TaskInputs.flag(execution, "refundGoods", true);
    BigDecimal shipping = vars.sellerPaysShipping() ? vars.shippingFee().min(policy.returnShippingCap()) : BigDecimal.ZERO;
    vars.shippingRefund(shipping);
    if (!goods) {
      timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, vars.sellerPaysShipping()
          ? "应退退货运费 " + Money.format(shipping) : "退货运费由买家承担", null);
      return;
    }
    BigDecimal refund = Money.of(vars.amount().add(shipping));
    vars.refundAmount(refund);
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "应退金额 " + Money.format(refund) + "（"
        + (vars.sellerPaysShipping() ? "含退货运费 " + Money.format(shipping) : "退货运费由买家承担") + "）", null);
  }
}
