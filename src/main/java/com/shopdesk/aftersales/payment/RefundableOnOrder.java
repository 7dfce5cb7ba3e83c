package com.shopdesk.aftersales.payment;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.guard.MoneyFieldLimit;
import com.shopdesk.aftersales.guard.forms.FormSubmission;
import com.shopdesk.aftersales.orders.OrderRepository;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** A money field on a case's task never says more than the order has left to refund. */
@Component
public class RefundableOnOrder implements MoneyFieldLimit {
  private final OrderRepository orders;
  private final RefundLedger refunds;

  public RefundableOnOrder(OrderRepository orders, RefundLedger refunds) {
    this.orders = orders;
    this.refunds = refunds;
  }

  @Override
  public Optional<FormSubmission.Ceiling> limitFor(VariableScope task) {
    String orderNo = CaseVariables.of(task).orderNo();
    return Optional.ofNullable(orderNo).flatMap(orders::find).map(order -> new FormSubmission.Ceiling(
        Money.of(order.paidAmount().subtract(refunds.refundedForOrder(order.orderNo()))), "订单剩余可退金额"));
  }
}
