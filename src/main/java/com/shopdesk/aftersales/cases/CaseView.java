package com.shopdesk.aftersales.cases;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.shopdesk.aftersales.orders.ShipmentKind;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as GET /api/cases/{caseNo} shows it: its ledger row and everything that happened to it;
 * {@code revisions}: its earlier versions when an agent corrected the request or reason.
 */
public record CaseView(
    @JsonUnwrapped CaseRecord ledger,
    List<CaseRequest.CaseItem> items,
    List<String> evidence,
    List<Refund> refunds,
    List<ParcelView> parcels,
    List<OrderRemarks.Remark> remarks,
    List<CaseLedger.Revision> revisions,
    List<CaseTimeline.Entry> timeline) {

  /**
   * A refund and where it is: the provider's reference, when it was paid, and for a paid one when the buyer should
   * see it ({@code expectedFrom} to {@code expectedBy}, by the order's payment channel; {@code arrival} in words).
   */
  public record Refund(BigDecimal amount, String status, String idempotencyKey, String reference,
      OffsetDateTime paidAt, String channel, OffsetDateTime expectedFrom, OffsetDateTime expectedBy, String arrival) {}

  public record ParcelView(ShipmentKind kind, String carrier, String trackingNo, String latestEvent,
      OffsetDateTime latestEventAt, OffsetDateTime withdrawnAt) {}
}
