package com.shopdesk.aftersales.payment;

import com.shopdesk.aftersales.api.Money;
import java.math.BigDecimal;

/**
 * A refund that would pay nothing, or more than the order has left to refund. Nothing is paid; the step fails
 * and ends as an incident whose message says what to correct before retrying: only the admin may change a case's
 * variables, so a manager who sees it calls the admin.
 */
public class RefundNotPayableException extends RuntimeException {
  private RefundNotPayableException(String message) {
    super(message);
  }

  public static RefundNotPayableException caseClosed(String caseNo, String resolution) {
    return new RefundNotPayableException("售后单 " + caseNo + " 已结案（" + resolution + "），不再退款");
  }

  public RefundNotPayableException(String orderNo, BigDecimal amount, BigDecimal refundable) {
    super("退款金额 " + Money.format(amount) + " 不可支付：订单 " + orderNo + " 剩余可退 " + Money.format(refundable)
        + "。请系统管理员在 Cockpit 中核对并改正流程变量 refundAmount 后重试（只有管理员能改变量）");
  }
}
