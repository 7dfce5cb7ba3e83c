package com.shopdesk.aftersales.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.OrderStatus;
import com.shopdesk.aftersales.orders.PaymentChannel;
import com.shopdesk.aftersales.platform.PlatformCases;
import com.shopdesk.aftersales.platform.PlatformGateway;
import com.shopdesk.aftersales.platform.PlatformRefundState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Where IssueRefundDelegate takes the money from, for each kind of case: the one step a process test cannot reach,
 * a second payment on a platform case whose refund there another step already agreed (the only process path that
 * pays twice on one case is an exchange's return shipping and then its refund), is played here with the ledger, the
 * platform and the provider standing in.
 */
class IssueRefundRoutingTest {
  private static final String CASE = "C-20261205-0001";
  private static final String ORDER = "TB-1001";
  private static final String KEY = CASE + ":refundCompensation";
  private static final BigDecimal AMOUNT = new BigDecimal("30.00");

  private final RefundGateway gateway = mock(RefundGateway.class);
  private final RefundLedger ledger = mock(RefundLedger.class);
  private final OrderRepository orders = mock(OrderRepository.class);
  private final CaseTimeline timeline = mock(CaseTimeline.class);
  private final RefundArrival arrival = mock(RefundArrival.class);
  private final PlatformGateway platform = mock(PlatformGateway.class);
  private final PlatformCases platformCases = mock(PlatformCases.class);
  private final DelegateExecution execution = mock(DelegateExecution.class);
  private final IssueRefundDelegate delegate = new IssueRefundDelegate(gateway, ledger, orders, timeline, arrival,
      platform, platformCases);

  @BeforeEach
  void aCompensationStepOfTheCase() {
    when(execution.getVariable(CaseVariables.CASE_NO)).thenReturn(CASE);
    when(execution.getVariable(CaseVariables.ORDER_NO)).thenReturn(ORDER);
    when(execution.getVariable(CaseVariables.REFUND_AMOUNT)).thenReturn(30.0);
    DelegateExecution processInstance = mock(DelegateExecution.class);
    DelegateExecution caller = mock(DelegateExecution.class);
    when(execution.getProcessInstance()).thenReturn(processInstance);
    when(processInstance.getSuperExecution()).thenReturn(caller);
    when(caller.getCurrentActivityId()).thenReturn("refundCompensation");
    when(ledger.begin(eq(CASE), eq(ORDER), any(), any(), eq(KEY), any())).thenReturn(
        new RefundLedger.Refund(CASE, AMOUNT, RefundLedger.Status.PENDING, KEY, null, null));
    OffsetDateTime now = OffsetDateTime.now();
    when(ledger.find(KEY)).thenReturn(Optional.of(
        new RefundLedger.Refund(CASE, AMOUNT, RefundLedger.Status.SUCCEEDED, KEY, "REF", now)));
    when(arrival.of(any(), any())).thenReturn(new RefundArrival.Expected(PaymentChannel.CREDIT_CARD, "信用卡", now,
        now.plusDays(10)));
  }

  @Test
  void aSecondPaymentAfterAnotherStepAgreedThePlatformRefundIsTransferredToTheBuyersAlipay() {
    order("zhou@example.com");
    bornOnPlatform(PlatformRefundState.SUCCESS, CASE + ":refundReturn");
    when(gateway.transfer(eq(KEY), eq(ORDER), any(), eq(AMOUNT))).thenReturn("20261205110070000006380000250621");

    delegate.execute(execution);

    verify(gateway).transfer(KEY, ORDER, new Payee("zhou@example.com", "周女士"), AMOUNT);
    verify(gateway, never()).refund(anyString(), anyString(), any());
    verify(platform, never()).agreeRefund(anyString(), any());
    verify(ledger).succeeded(KEY, "20261205110070000006380000250621");
    ArgumentCaptor<String> text = ArgumentCaptor.forClass(String.class);
    verify(timeline).record(eq(CASE), eq(CaseTimeline.Kind.REFUND), text.capture(), isNull());
    assertThat(text.getValue()).isEqualTo("已转账到买家支付宝 ¥30.00（支付流水 20261205110070000006380000250621）");
    verify(execution).setVariable("refundArrivalText", "退回支付宝账户，即时到账");
  }

  @Test
  void aPlatformRefundStillOpenIsAgreedThereAndNothingGoesToTheProvider() {
    order("zhou@example.com");
    PlatformCases.Taken taken = bornOnPlatform(PlatformRefundState.WAIT_SELLER_AGREE, null);
    when(platformCases.refundToAgree(CASE, KEY)).thenReturn(Optional.of(taken.refundId()));
    when(platform.agreeRefund(taken.refundId(), AMOUNT)).thenReturn(taken.refundId());

    delegate.execute(execution);

    verify(platformCases).agreedBy(taken.refundId(), KEY);
    verify(ledger).succeeded(KEY, "平台退款单 " + taken.refundId());
    verifyNoInteractions(gateway);
  }

  @Test
  void aCaseOpenedByHandIsRefundedByTheProviderAsBefore() {
    order(null);
    when(platformCases.ofCase(CASE)).thenReturn(Optional.empty());
    when(platformCases.refundToAgree(CASE, KEY)).thenReturn(Optional.empty());
    when(gateway.refund(KEY, ORDER, AMOUNT)).thenReturn("SBX-1");

    delegate.execute(execution);

    verify(ledger).succeeded(KEY, "SBX-1");
    verify(gateway, never()).transfer(anyString(), anyString(), any(), any());
  }

  @Test
  void aTransferWithoutTheBuyersAlipayAccountFailsBeforeAnythingIsPaid() {
    order(" ");
    bornOnPlatform(PlatformRefundState.SELLER_REFUSE_BUYER, null);

    assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(IllegalStateException.class)
        .hasMessage("订单 " + ORDER + " 的买家支付宝账号未知：请在订单中补充买家的支付宝账号（buyer.alipayAccount）后在 Cockpit 重试");
    verifyNoInteractions(gateway);
    verify(platform, never()).agreeRefund(anyString(), any());
    verify(ledger, never()).succeeded(anyString(), anyString());
  }

  private void order(String alipayAccount) {
    when(orders.find(ORDER)).thenReturn(Optional.of(new Order(ORDER,
        new Order.Buyer("tb_zhou", "周女士", null, null, alipayAccount),
        List.of(new Order.Item("BY-1", "白玉茶盏", "teaware", 1, new BigDecimal("128.00"))), new BigDecimal("128.00"),
        false, OrderStatus.DELIVERED, null, null, null, null, PaymentChannel.CREDIT_CARD)));
  }

  /** The case answers platform refund 20261205000001 in this state, agreed by that step (null: by none). */
  private PlatformCases.Taken bornOnPlatform(PlatformRefundState state, String agreedKey) {
    PlatformCases.Taken taken = new PlatformCases.Taken("20261205000001", ORDER, CASE, state, true,
        new BigDecimal("128.00"), "七天无理由退换货", null, false, Instant.now(), agreedKey, null, Instant.now());
    when(platformCases.ofCase(CASE)).thenReturn(Optional.of(taken));
    when(platformCases.refundToAgree(CASE, KEY)).thenReturn(Optional.empty());
    return taken;
  }
}
