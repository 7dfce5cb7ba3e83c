package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.courier.TrackingEvents;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.payment.RefundLedger;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
public class CaseController {
  private final CaseIntake intake;
  private final CaseLedger ledger;
  private final CaseTimeline timeline;
  private final OrderRemarks remarks;
  private final RefundLedger refunds;
  private final OrderRepository orders;
  private final TrackingEvents tracking;

  public CaseController(CaseIntake intake, CaseLedger ledger, CaseTimeline timeline, OrderRemarks remarks,
      RefundLedger refunds, OrderRepository orders, TrackingEvents tracking) {
    this.intake = intake;
    this.ledger = ledger;
    this.timeline = timeline;
    this.remarks = remarks;
    this.refunds = refunds;
    this.orders = orders;
    this.tracking = tracking;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public CaseIntake.Opened open(@Valid @RequestBody CaseRequest request, Principal user) {
    return intake.open(request, user.getName());
  }

  @GetMapping("/{caseNo}")
  public CaseView get(@PathVariable String caseNo) {
    CaseRecord c = ledger.find(caseNo)
        .orElseThrow(() -> ApiException.notFound("caseNo", "case " + caseNo + " not found"));
    List<CaseView.Refund> paid = refunds.ofCase(caseNo).stream()
        .map(r -> new CaseView.Refund(r.amount(), r.status().name(), r.idempotencyKey())).toList();
    List<CaseView.ParcelView> parcels = orders.parcels(c.orderNo()).stream()
        .filter(p -> p.caseNo() == null || p.caseNo().equals(caseNo))
        .map(p -> {
          Optional<TrackingEvent> latest = tracking.latest(p.carrier(), p.trackingNo());
          return new CaseView.ParcelView(p.kind(), p.carrier(), p.trackingNo(),
              latest.map(e -> e.event().name()).orElse(null), latest.map(TrackingEvent::at).orElse(null));
        }).toList();
    return new CaseView(c, ledger.items(caseNo), ledger.evidence(caseNo), paid, parcels, remarks.ofCase(caseNo),
        timeline.of(caseNo));
  }

  /** The ledger, newest first. */
  @GetMapping
  public List<CaseRecord> list(@RequestParam(required = false) String orderNo,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("limit", "limit must be between 1 and 1000");
    }
    return ledger.list(orderNo, status, limit);
  }
}
