package com.shopdesk.aftersales.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A buyer asks where a refund is: 200 with the answer while it is not late yet, 202 when a chase task was opened.
 */
@RestController
public class RefundInquiryController {
  private final RefundInquiries inquiries;

  public RefundInquiryController(RefundInquiries inquiries) {
    this.inquiries = inquiries;
  }

  /** {@code note}: what the buyer said, e.g. "信用卡账单里没看到". */
  public record InquiryRequest(@Size(max = 500) String note) {}

  @PostMapping("/api/cases/{caseNo}/refund-inquiries")
  public ResponseEntity<RefundInquiries.Inquiry> ask(@PathVariable String caseNo,
      @Valid @RequestBody InquiryRequest request, Principal user) {
    RefundInquiries.Inquiry inquiry = inquiries.ask(caseNo,
        request.note() == null ? null : request.note().strip(), user.getName());
    return ResponseEntity.status(inquiry.overdue() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(inquiry);
  }
}
