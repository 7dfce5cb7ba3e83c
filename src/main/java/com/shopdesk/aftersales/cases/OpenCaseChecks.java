package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.courier.TrackingEvents;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.Parcel;
import com.shopdesk.aftersales.payment.RefundLedger;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a withdrawal or a correction checks before it ends a case's process: the case is open, no money was paid
 * in it, and which parcels it sent. The order's row is held from here to the end of the transaction, as a refund
 * holds it from its check to the payment, so that a refund and the change never both happen.
 */
@Component
class OpenCaseChecks {
  private final CaseLedger ledger;
  private final OrderRepository orders;
  private final RefundLedger refunds;
  private final TrackingEvents tracking;

  OpenCaseChecks(CaseLedger ledger, OrderRepository orders, RefundLedger refunds, TrackingEvents tracking) {
    this.ledger = ledger;
    this.orders = orders;
    this.refunds = refunds;
    this.tracking = tracking;
  }

  /** What is about to happen to the case, in the API's words and the desk's. */
  enum Change {
    CORRECTED("corrected", "更正"), WITHDRAWN("withdrawn", "撤销");

    private final String done;
    private final String label;

    Change(String done, String label) {
      this.done = done;
      this.label = label;
    }
  }

  /** The open case as it stands once its order is held; 404, or 409 naming why it cannot be changed. */
  CaseRecord openAndUnpaid(String caseNo, Change change) {
    CaseRecord found = ledger.find(caseNo).orElseThrow(() -> ApiException.notFound("caseNo",
        "case " + caseNo + " not found").forDesk("售后单号 " + caseNo + " 不存在，请核对"));
    orders.lock(found.orderNo());
    CaseRecord c = ledger.find(caseNo).orElseThrow();
    if (c.status() != CaseStatus.OPEN) {
      throw ApiException.conflict("caseNo", "case " + caseNo + " is closed already (" + c.resolution() + ")")
          .forDesk("售后单 " + caseNo + " 已结案（" + c.resolution() + "），不能" + change.label);
    }
    List<RefundLedger.Refund> paid = refunds.ofCase(caseNo);
    if (!paid.isEmpty()) {
      RefundLedger.Refund first = paid.get(0);
      String reference = first.reference() == null ? "" : " (" + first.reference() + ")";
      throw ApiException.conflict("caseNo", "case " + caseNo + " has paid the buyer " + Money.format(first.amount())
          + reference + ": it cannot be " + change.done)
          .forDesk("售后单 " + caseNo + " 已向买家退款 " + Money.format(first.amount()) + reference + "，不能" + change.label);
    }
    return c;
  }

  /** The parcels the case itself registered (returns, reshipments, replacements) that were not withdrawn. */
  List<Parcel> parcelsOf(CaseRecord c) {
    return orders.parcels(c.orderNo()).stream()
        .filter(p -> c.caseNo().equals(p.caseNo()) && p.withdrawnAt() == null).toList();
  }

  /** Whether a courier has scanned the parcel: it left the warehouse. */
  boolean collected(Parcel parcel) {
    return !tracking.ofParcel(parcel.carrier(), parcel.trackingNo()).isEmpty();
  }
}
