package com.shopdesk.aftersales.returns;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.cases.TaskInputs;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The refund for received goods: the amount asked for, plus all the return shipping the buyer paid when the seller
 * pays it (a seller-side fault; a claim above what is plausible was confirmed by an agent before this step, see
 * bpmn/return-shipping-check.dmn). When the buyer pays it and the order has shipping insurance, records what the
 * insurer covers: the fee, at most 12 CNY ({@code insuredShippingAmount}). Sets {@code refundAmount} and, for the
 * shipping part, {@code shippingRefund}. Input {@code refundGoods} (default true): false for an exchange, where only
 * the shipping is paid back: then it sets {@code shippingRefund} alone.
 */
@Component
public class ComputeReturnRefundDelegate implements JavaDelegate {
  /** Shipping insurance (运费险) pays the buyer 6 to 12 CNY for a return, never more. */
  static final BigDecimal INSURANCE_MAX = new BigDecimal("12.00");
  private final CaseTimeline timeline;

  public ComputeReturnRefundDelegate(CaseTimeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    boolean goods = TaskInputs.flag(execution, "refundGoods", true);
    BigDecimal shipping = vars.sellerPaysShipping() ? vars.shippingFee() : BigDecimal.ZERO;
    vars.shippingRefund(shipping);
    String who = vars.sellerPaysShipping() ? "退货运费 " + Money.format(shipping) + " 由我们承担" : buyerPays(vars);
    if (!goods) {
      timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, vars.sellerPaysShipping()
          ? "应退退货运费 " + Money.format(shipping) : who, null);
      return;
    }
    BigDecimal refund = Money.of(vars.amount().add(shipping));
    vars.refundAmount(refund);
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "应退金额 " + Money.format(refund) + "（" + who + "）", null);
  }

  private static String buyerPays(CaseVariables vars) {
    if (!vars.insured()) {
      return "退货运费由买家承担";
    }
    BigDecimal insured = Money.of(vars.shippingFee().min(INSURANCE_MAX));
    vars.insuredShipping(insured);
    return "退货运费由买家承担，运费险预计赔付买家 " + Money.format(insured) + "（6–12 元，最高 12 元）";
  }
}
