package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

@RestController
@RequestMapping("/api/cases")
public class CaseController {
  private final CaseIntake intake;
  private final CaseLedger ledger;
  private final CaseViews views;
  private final OrderRemarks remarks;
  private final CaseWithdrawal withdrawal;
  private final CaseCorrection correction;

  public CaseController(CaseIntake intake, CaseLedger ledger, CaseViews views, OrderRemarks remarks,
      CaseWithdrawal withdrawal, CaseCorrection correction) {
    this.intake = intake;
    this.ledger = ledger;
    this.views = views;
    this.remarks = remarks;
    this.withdrawal = withdrawal;
    this.correction = correction;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public CaseIntake.Opened open(@Valid @RequestBody CaseRequest request, Principal user) {
    return intake.open(request, user.getName());
  }

  @GetMapping("/{caseNo}")
  public CaseView get(@PathVariable String caseNo) {
    return views.of(caseNo).orElseThrow(() -> ApiException.notFound("caseNo", "case " + caseNo + " not found"));
  }

  /**
   * The buyer withdraws the request (撤销申请), through the platform or by telling an agent: the case closes
   * WITHDRAWN and what was under way is undone. {@code reason}: why, in the buyer's words or the agent's.
   */
  @PostMapping("/{caseNo}/withdraw")
  public CaseWithdrawal.Withdrawn withdraw(@PathVariable String caseNo, @Valid @RequestBody WithdrawRequest request,
      Principal user) {
    return withdrawal.withdraw(caseNo, request.reason().strip(), user.getName());
  }

  public record WithdrawRequest(@NotBlank @Size(max = 500) String reason) {}

  /**
   * Corrects the request type or reason the buyer chose wrong: the case is routed again and starts over in the
   * process the corrected request belongs to. {@code note}: why, for the timeline.
   */
  @PatchMapping("/{caseNo}")
  public CaseCorrection.Corrected correct(@PathVariable String caseNo, @Valid @RequestBody CorrectionRequest request,
      Principal user) {
    if (request.request() == null && request.reason() == null) {
      throw ApiException.badRequest("reason", "name the corrected request, reason or both");
    }
    return correction.correct(caseNo, request.request(), request.reason(),
        request.note() == null ? null : request.note().strip(), user.getName());
  }

  public record CorrectionRequest(RequestType request, Reason reason, @Size(max = 500) String note) {}

  /** A remark on the case's order by whoever is signed in: "样品已答应补寄" with a yellow flag, say. */
  @PostMapping("/{caseNo}/remarks")
  @ResponseStatus(HttpStatus.CREATED)
  public OrderRemarks.Remark remark(@PathVariable String caseNo, @Valid @RequestBody RemarkRequest remark,
      Principal user) {
    CaseRecord c = ledger.find(caseNo)
        .orElseThrow(() -> ApiException.notFound("caseNo", "case " + caseNo + " not found"));
    return remarks.add(c.orderNo(), caseNo, remark.text().strip(), user.getName(), remark.flag());
  }

  /** {@code flag}: BLUE for an after-sales note, YELLOW while the buyer is still owed something. */
  public record RemarkRequest(@NotBlank @Size(max = 500) String text, @NotNull RemarkFlag flag) {}

  /**
   * The ledger, newest first, a page at a time: {@code before} is the last case of the previous page, and a
   * {@code Link} header (rel="next") names the next page while there is one.
   */
  @GetMapping
  public ResponseEntity<List<CaseRecord>> list(@RequestParam(required = false) @Size(max = 64) String orderNo,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) RemarkFlag flag,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(required = false)
      @Pattern(regexp = "AS\\d{8}-\\d{6,19}", message = "must be a case number such as AS20261123-000042")
      String before) {
    if (limit < 1 || limit > 1000) {
      throw ApiException.badRequest("limit", "limit must be between 1 and 1000");
    }
    CaseLedger.Position after = before == null ? null : ledger.positionOf(before)
        .orElseThrow(() -> ApiException.notFound("before", "before: case " + before + " not found"));
    List<CaseRecord> page = ledger.list(orderNo, status, flag, after, limit + 1);
    if (page.size() <= limit) {
      return ResponseEntity.ok(page);
    }
    page = page.subList(0, limit);
    return ResponseEntity.ok().header(HttpHeaders.LINK,
        nextPage(orderNo, status, flag, limit, page.get(limit - 1).caseNo())).body(page);
  }

  /** RFC 8288: the same filters and page size, after the given case. */
  private static String nextPage(String orderNo, CaseStatus status, RemarkFlag flag, int limit, String lastCaseNo) {
    StringJoiner query = new StringJoiner("&", "</api/cases?", ">; rel=\"next\"");
    if (orderNo != null) {
      query.add("orderNo=" + UriUtils.encode(orderNo, StandardCharsets.UTF_8));
    }
    if (status != null) {
      query.add("status=" + status.name());
    }
    if (flag != null) {
      query.add("flag=" + flag.name());
    }
    return query.add("limit=" + limit).add("before=" + UriUtils.encode(lastCaseNo, StandardCharsets.UTF_8))
        .toString();
  }
}
