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
 * pays it (quality faults), up to {@code aftersales.return-shipping-cap}. Input {@code refundGoods} (default
 * true): false for an exchange, where only the shipping is paid back. Sets {@code refundAmount} and, for the
 * shipping part, {@code shippingRefund}.
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
    BigDecimal refund = Money.of((goods ? vars.amount() : BigDecimal.ZERO).add(shipping));
    vars.refundAmount(refund);
    vars.shippingRefund(shipping);
    String shippingText = vars.sellerPaysShipping() ? "含退货运费 " + Money.format(shipping) : "退货运费由买家承担";
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP,
        "应退金额 " + Money.format(refund) + "（" + shippingText + "）", null);
  }
}
