package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.payment.RefundLedger;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
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
  private final CaseParcels caseParcels;

  public CaseController(CaseIntake intake, CaseLedger ledger, CaseTimeline timeline, OrderRemarks remarks,
      RefundLedger refunds, CaseParcels caseParcels) {
    this.intake = intake;
    this.ledger = ledger;
    this.timeline = timeline;
    this.remarks = remarks;
    this.refunds = refunds;
    this.caseParcels = caseParcels;
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
    List<CaseView.ParcelView> parcels = caseParcels.of(c.orderNo(), caseNo);
    return new CaseView(c, ledger.items(caseNo), ledger.evidence(caseNo), paid, parcels, remarks.ofCase(caseNo),
        timeline.of(caseNo));
  }

  /** The ledger, newest first. */
  @GetMapping
  public List<CaseRecord> list(@RequestParam(required = false) @Size(max = 64) String orderNo,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("limit", "limit must be between 1 and 1000");
    }
    return ledger.list(orderNo, status, limit);
  }
}
