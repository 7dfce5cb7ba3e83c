package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.PaymentChannel;
import com.shopdesk.aftersales.payment.RefundArrival;
import com.shopdesk.aftersales.payment.RefundLedger;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A case with everything that happened to it, as the API and the managers' desk in Cockpit show it. */
@Component
public class CaseViews {
  private final CaseLedger ledger;
  private final CaseTimeline timeline;
  private final OrderRemarks remarks;
  private final RefundLedger refunds;
  private final CaseParcels caseParcels;
  private final OrderRepository orders;
  private final RefundArrival arrival;

  public CaseViews(CaseLedger ledger, CaseTimeline timeline, OrderRemarks remarks, RefundLedger refunds,
      CaseParcels caseParcels, OrderRepository orders, RefundArrival arrival) {
    this.ledger = ledger;
    this.timeline = timeline;
    this.remarks = remarks;
    this.refunds = refunds;
    this.caseParcels = caseParcels;
    this.orders = orders;
    this.arrival = arrival;
  }

  public Optional<CaseView> of(String caseNo) {
    return ledger.find(caseNo).map(this::of);
  }

  private CaseView of(CaseRecord c) {
    String caseNo = c.caseNo();
    PaymentChannel channel = orders.find(c.orderNo()).map(Order::paymentChannel).orElse(null);
    List<CaseView.Refund> paid = refunds.ofCase(caseNo).stream().map(r -> {
      RefundArrival.Expected expected = r.paidAt() == null ? null : arrival.of(r.paidAt(), channel);
      return new CaseView.Refund(r.amount(), r.status().name(), r.idempotencyKey(), r.reference(), r.paidAt(),
          channel == null ? null : channel.name(), expected == null ? null : expected.from(),
          expected == null ? null : expected.by(),
          expected == null ? "退款处理中" : expected.summary());
    }).toList();
    List<CaseView.ParcelView> parcels = caseParcels.of(c.orderNo(), caseNo);
    return new CaseView(c, ledger.items(caseNo), ledger.evidence(caseNo), paid, parcels, remarks.ofCase(caseNo),
        ledger.revisions(caseNo), timeline.of(caseNo));
  }
}
