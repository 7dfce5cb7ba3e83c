package com.shopdesk.aftersales.payment;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.PaymentChannel;
import com.shopdesk.aftersales.platform.PlatformCases;
import com.shopdesk.aftersales.platform.PlatformGateway;
import java.time.OffsetDateTime;
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
 * Where the money goes from:
 * <ul>
 * <li>a case born on the platform whose platform refund is still open and not agreed by another step of the case:
 * agreeing that refund there (同意退款: the platform pays from escrow), once per case;</li>
 * <li>a case born on the platform whose platform refund can no longer carry it (agreed by another step of the case,
 * refused or closed on the platform): a transfer from the shop's Alipay account to the buyer's
 * ({@code buyer.alipayAccount} of the order, the buyer's name as the payee name), since the shop never took the
 * platform order's payment and cannot refund it; an order without that account ends the step as an incident asking
 * for it, paying nothing;</li>
 * <li>every case opened by hand: a refund of the order's payment with the payment provider.</li>
 * </ul>
 * A case the platform already paid the buyer for after judging a complaint about it (平台判定退款, recorded by the
 * complaint's case) pays nothing: its step takes the platform's payment as the refund.
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
    Optional<String> platformRefund = platformCases.refundToAgree(vars.caseNo(), key);
    boolean transfer = platformRefund.isEmpty() && platformCases.ofCase(vars.caseNo()).isPresent();
    if (refund.status() == RefundLedger.Status.SUCCEEDED) {
      execution.setVariable("refundArrivalText", arrivalText(refund.paidAt(), order, transfer));
      if (!refund.idempotencyKey().equals(key) && !refund.caseNo().equals(vars.caseNo())) {
        // the platform paid it after judging a complaint about this case: recognised, never paid again
        timeline.record(vars.caseNo(), CaseTimeline.Kind.REFUND, "平台已判定并退款 " + Money.format(refund.amount())
            + "（投诉单 " + refund.caseNo() + "，" + refund.reference() + "），本单不再重复退款", null);
      }
      return;
    }
    String reference;
    if (platformRefund.isPresent()) {
      platformCases.agreedBy(platformRefund.get(), key);
      reference = "平台退款单 " + platform.agreeRefund(platformRefund.get(), refund.amount());
    } else if (transfer) {
      reference = gateway.transfer(key, vars.orderNo(), payee(order), refund.amount());
    } else {
      try {
        reference = gateway.refund(key, vars.orderNo(), refund.amount());
      } catch (DuplicateRefundException alreadyPaid) {
        reference = alreadyPaid.existingReference();
      }
    }
    ledger.succeeded(key, reference);
    execution.setVariable("refundArrivalText", arrivalText(ledger.find(key).orElseThrow().paidAt(), order, transfer));
    timeline.record(vars.caseNo(), CaseTimeline.Kind.REFUND, (transfer ? "已转账到买家支付宝 " : "已退款 ")
        + Money.format(refund.amount()) + "（支付流水 " + reference + "）", null);
  }

  /** A transfer reaches the buyer's Alipay balance at once; a refund as the order's payment channel says. */
  private String arrivalText(OffsetDateTime paidAt, Order order, boolean transfer) {
    return transfer ? new RefundArrival.Expected(PaymentChannel.BALANCE, "支付宝账户", paidAt, paidAt).summary()
        : arrival.of(paidAt, order.paymentChannel()).summary();
  }

  /** The buyer's Alipay account and name from the order; none known is an incident for a manager to fix. */
  private static Payee payee(Order order) {
    String account = order.buyer().alipayAccount();
    if (account == null || account.isBlank()) {
      throw new IllegalStateException("订单 " + order.orderNo() + " 的买家支付宝账号未知：请在订单中补充买家的支付宝账号"
          + "（buyer.alipayAccount）后在 Cockpit 重试");
    }
    return new Payee(account, order.buyer().name());
  }
}
