package com.shopdesk.aftersales.payment;

import com.shopdesk.aftersales.api.Money;
import java.math.BigDecimal;

/**
 * A refund that would pay nothing, or more than the order has left to refund. Nothing is paid; the step fails
 * and ends as an incident whose message tells the manager what to correct before retrying.
 */
public class RefundNotPayableException extends RuntimeException {
  public RefundNotPayableException(String orderNo, BigDecimal amount, BigDecimal refundable) {
    super("退款金额 " + Money.format(amount) + " 不可支付：订单 " + orderNo + " 剩余可退 " + Money.format(refundable)
        + "。请核对流程变量 refundAmount，改正后在 Cockpit 中重试");
  }
}
