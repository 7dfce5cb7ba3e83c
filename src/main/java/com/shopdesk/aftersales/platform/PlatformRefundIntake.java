package com.shopdesk.aftersales.platform;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.CaseIntake;
import com.shopdesk.aftersales.cases.CaseLedger;
import com.shopdesk.aftersales.cases.CaseRequest;
import com.shopdesk.aftersales.cases.CaseStatus;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseWithdrawal;
import com.shopdesk.aftersales.cases.OrderRemarks;
import com.shopdesk.aftersales.cases.Reason;
import com.shopdesk.aftersales.cases.RemarkFlag;
import com.shopdesk.aftersales.cases.RequestType;
import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.returns.ReturnShipment;
import com.shopdesk.aftersales.returns.ReturnShipments;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in one refund request as the platform shows it, the way an agent typing it would, and safe to repeat: the
 * first time it opens the case ({@link CaseIntake}, with the platform as the one who opened it, fetching the order
 * from the platform when the shop does not have it); afterwards each change is applied once, by comparing with the
 * state taken in last time — the buyer's return parcel goes to the case as the buyer entering it would, a
 * cancellation withdraws the case, the platform stepping in leaves a red remark for the agents, other states go to
 * the case's timeline.
 * <p>
 * A request the desk cannot open (a reason the desk does not know, an order the platform no longer has, no process
 * for it) is kept with why, for agents to see in {@code GET /api/platform-refunds}; so is a change the case refuses
 * (a red remark on the case says what the buyer did and why it was not taken). Each step runs in its own transaction,
 * one after the other, never one inside another. A failure reaching the platform is thrown, so the feed stops and
 * reads the refund again next time.
 */
@Service
public class PlatformRefundIntake {
  /** Who opened and changed cases born on the platform, as the timeline and the remarks name it. */
  public static final String PLATFORM = "平台";

  private final PlatformGateway platform;
  private final PlatformCases taken;
  private final OrderRepository orders;
  private final CaseIntake intake;
  private final CaseLedger ledger;
  private final CaseTimeline timeline;
  private final CaseWithdrawal withdrawal;
  private final ReturnShipments returns;
  private final OrderRemarks remarks;
  private final TransactionTemplate transaction;

  public PlatformRefundIntake(PlatformGateway platform, PlatformCases taken, OrderRepository orders,
      CaseIntake intake, CaseLedger ledger, CaseTimeline timeline, CaseWithdrawal withdrawal, ReturnShipments returns,
      OrderRemarks remarks, PlatformTransactionManager transactions) {
    this.platform = platform;
    this.taken = taken;
    this.orders = orders;
    this.intake = intake;
    this.ledger = ledger;
    this.timeline = timeline;
    this.withdrawal = withdrawal;
    this.returns = returns;
    this.remarks = remarks;
    this.transaction = new TransactionTemplate(transactions);
  }

  public void receive(PlatformRefund refund) {
    if (taken.find(refund.refundId()).isEmpty()) {
      open(refund);
    }
    applyChanges(refund);
  }

  private void open(PlatformRefund refund) {
    try {
      transaction.executeWithoutResult(tx -> {
        taken.insert(refund, null, null);
        if (!refund.state().open()) {
          taken.noted(refund.refundId(), "平台上已是「" + refund.state().label() + "」，未开单");
          return;
        }
        Order order = orders.find(refund.orderNo()).orElseGet(() -> fetch(refund.orderNo()));
        CaseIntake.Opened opened = intake.open(request(refund), PLATFORM);
        taken.openedCase(refund.refundId(), opened.caseNo());
        timeline.record(opened.caseNo(), CaseTimeline.Kind.STEP, "买家在平台申请" + (refund.goodsReturned() ? "退货退款"
            : "仅退款") + "（平台退款单 " + refund.refundId() + "）：" + refund.reason()
            + (refund.description() == null || refund.description().isBlank() ? "" : "，" + refund.description())
            + "，申请金额 " + Money.format(refund.amount()) + "；订单实付 " + Money.format(order.paidAmount()), PLATFORM);
      });
    } catch (DuplicateKeyException anotherReaderWasFirst) {
      // the same refund read twice at once: the other reader opened it
    } catch (ApiException refused) {
      transaction.executeWithoutResult(tx -> {
        try {
          taken.insert(refund, null, "未能开单：" + refused.deskMessage());
        } catch (DuplicateKeyException anotherReaderWasFirst) {
          // taken in meanwhile
        }
      });
    }
  }

  private Order fetch(String orderNo) {
    Order order = platform.order(orderNo).orElseThrow(() -> ApiException.notFound("orderNo",
        "平台上找不到订单 " + orderNo));
    orders.save(order);
    return order;
  }

  private static CaseRequest request(PlatformRefund refund) {
    Reason reason = PlatformReasons.of(refund.reason()).orElseThrow(() -> ApiException.unprocessable("reason",
        "平台退款原因「" + refund.reason() + "」没有对应的售后原因，请客服手动开单"));
    List<CaseRequest.CaseItem> items = refund.sku() == null ? null
        : List.of(new CaseRequest.CaseItem(refund.sku(), refund.quantity() == null ? 1 : refund.quantity()));
    return new CaseRequest(refund.orderNo(), refund.goodsReturned() ? RequestType.RETURN_REFUND
        : RequestType.REFUND_ONLY, reason, items, refund.amount(), List.of(),
        "平台退款单 " + refund.refundId() + (refund.description() == null ? "" : "：" + refund.description()));
  }

  private void applyChanges(PlatformRefund refund) {
    PlatformCases.Taken before = taken.find(refund.refundId()).orElseThrow();
    if (before.caseNo() == null) {
      transaction.executeWithoutResult(tx -> taken.update(refund));
      return;
    }
    String caseNo = taken.currentCase(before.caseNo());
    if (refund.returnTrackingNo() != null && !refund.returnTrackingNo().equals(before.returnTrackingNo())) {
      change(refund, t -> t.returnTrackingNo() == null || !t.returnTrackingNo().equals(refund.returnTrackingNo()),
          () -> returns.submit(caseNo, new ReturnShipment(refund.returnCarrier(), refund.returnTrackingNo(), null),
              PLATFORM),
          why -> remark(caseNo, "买家已在平台填写退货单号 " + Carriers.parcel(refund.returnCarrier(),
              refund.returnTrackingNo()) + "，但售后单未能登记：" + why + "。请核对后处理"),
          () -> taken.tookTracking(refund.refundId(), refund.returnTrackingNo()));
    }
    if (refund.intervened() && !before.intervened()) {
      change(refund, t -> !t.intervened(),
          () -> remark(caseNo, "平台客服已介入退款 " + refund.refundId() + "：请尽快处理，并在平台上举证"),
          why -> { },
          () -> taken.tookIntervention(refund.refundId()));
    }
    if (refund.state() != before.state()) {
      change(refund, t -> t.state() != refund.state(),
          () -> stateChanged(caseNo, refund),
          why -> remark(caseNo, "买家已在平台撤销退款申请，但售后单未能撤销：" + why + "。请联系买家"),
          () -> taken.tookState(refund.refundId(), refund.state(), refund.modified()));
    }
  }

  private void stateChanged(String caseNo, PlatformRefund refund) {
    boolean open = ledger.find(caseNo).map(c -> c.status() == CaseStatus.OPEN).orElse(false);
    if (refund.state() == PlatformRefundState.CLOSED && open) {
      withdrawal.withdraw(caseNo, "买家在平台撤销了退款申请（平台退款单 " + refund.refundId() + "）", PLATFORM);
      return;
    }
    timeline.record(caseNo, CaseTimeline.Kind.STEP, "平台退款单 " + refund.refundId() + "：" + refund.state().label(),
        PLATFORM);
  }

  /**
   * Applies one change in its own transaction, once: {@code pending} tells from the row, held, whether it is still
   * to apply; {@code took} records it. Refused by the case: recorded as taken, with {@code refused} saying why.
   */
  private void change(PlatformRefund refund, java.util.function.Predicate<PlatformCases.Taken> pending,
      Runnable apply, Consumer<String> refused, Runnable took) {
    try {
      transaction.executeWithoutResult(tx -> {
        if (taken.lock(refund.refundId()).filter(pending).isPresent()) {
          apply.run();
          took.run();
        }
      });
    } catch (ApiException refusal) {
      transaction.executeWithoutResult(tx -> {
        if (taken.lock(refund.refundId()).filter(pending).isPresent()) {
          refused.accept(refusal.deskMessage());
          took.run();
        }
      });
    }
  }

  private void remark(String caseNo, String text) {
    ledger.find(caseNo).ifPresent(c -> remarks.add(c.orderNo(), caseNo, text, PLATFORM, RemarkFlag.RED));
  }
}
