package com.shopdesk.aftersales.complaints;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.calendar.WorkingDays;
import com.shopdesk.aftersales.cases.CaseLedger;
import com.shopdesk.aftersales.cases.CaseRecord;
import com.shopdesk.aftersales.cases.CaseRequest;
import com.shopdesk.aftersales.cases.CaseStatus;
import com.shopdesk.aftersales.config.Deadlines;
import com.shopdesk.aftersales.orders.Order;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Intake of a complaint (投诉) or a platform intervention (平台介入): the case it is about and the platform's
 * response deadline. The case is named by {@code linkedCase} (required, on the same order; kept in the ledger as the
 * new case's {@code linkedFrom}, as a hand-over is). The deadline is the platform's own when it names one
 * ({@code platformDeadline}), else {@code aftersales.deadlines.complaint-response} from now, whole days counted as
 * working days. Requests that are no complaint may name neither.
 */
@Component
public class ComplaintLinks {
  private static final DateTimeFormatter SHOP_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm（EEEE）", Locale.CHINA)
      .withZone(ZoneId.of("Asia/Shanghai"));
  private static final long DAY = Duration.ofDays(1).toSeconds();
  private final CaseLedger ledger;
  private final Deadlines deadlines;
  private final WorkingDays workingDays;

  public ComplaintLinks(CaseLedger ledger, Deadlines deadlines, WorkingDays workingDays) {
    this.ledger = ledger;
    this.deadlines = deadlines;
    this.workingDays = workingDays;
  }

  /** A complaint's case as checked: the case it is about, and its process's starting variables. */
  public record Link(CaseRecord original, VariableMap variables) {}

  /**
   * The case a complaint is about, checked against the order; null for a request that is no complaint (which may
   * name no linked case and no deadline). 400 without {@code linkedCase}, with items or an amount (a complaint is
   * about the linked case's), or with a deadline already past; 404 for an unknown case, 422 for another order's.
   */
  public Link check(CaseRequest request, Order order) {
    if (!request.request().complaint()) {
      if (request.linkedCase() != null) {
        throw ApiException.badRequest("linkedCase", "linkedCase is only for COMPLAINT and PLATFORM_INTERVENTION, not "
            + request.request());
      }
      if (request.platformDeadline() != null) {
        throw ApiException.badRequest("platformDeadline", "platformDeadline is only for COMPLAINT and "
            + "PLATFORM_INTERVENTION, not " + request.request());
      }
      return null;
    }
    if (request.linkedCase() == null || request.linkedCase().isBlank()) {
      throw ApiException.badRequest("linkedCase", "linkedCase is required for " + request.request()
          + ": name the case number the buyer complains about");
    }
    if (request.items() != null) {
      throw ApiException.badRequest("items", "a " + request.request() + " is about the linked case's items: leave "
          + "items out");
    }
    if (request.amount() != null) {
      throw ApiException.badRequest("amount", "a " + request.request() + " is about the linked case's amount: leave "
          + "amount out");
    }
    CaseRecord original = ledger.find(request.linkedCase()).orElseThrow(() -> ApiException.notFound("linkedCase",
        "case " + request.linkedCase() + " not found"));
    if (!original.orderNo().equals(order.orderNo())) {
      throw ApiException.unprocessable("linkedCase", "case " + original.caseNo() + " is on order "
          + original.orderNo() + ", not on order " + order.orderNo() + ": link a case of the same order");
    }
    Date now = ClockUtil.getCurrentTime();
    Date deadline;
    if (request.platformDeadline() != null) {
      deadline = Date.from(request.platformDeadline().toInstant());
      if (!deadline.after(now)) {
        throw ApiException.badRequest("platformDeadline", "platformDeadline " + request.platformDeadline()
            + " has passed already");
      }
    } else {
      deadline = responseDeadline(now);
    }
    String linkedText = original.caseNo() + " " + original.request().label() + "（" + original.reason().label() + "）"
        + Money.format(original.amount()) + "，" + (original.status() == CaseStatus.OPEN ? "处理中"
            : "已结案（" + original.resolution() + "）");
    return new Link(original, ComplaintVariables.atStart(original.caseNo(), linkedText, request.request().label(),
        deadline, SHOP_TIME.format(deadline.toInstant()), request.platformDeadline() != null));
  }

  /** The configured response time from now: whole days as working days, anything finer as clock time. */
  private Date responseDeadline(Date now) {
    Duration response = deadlines.complaintResponse();
    if (response.toSeconds() % DAY == 0 && response.toNanosPart() == 0) {
      return workingDays.after(now, (int) (response.toSeconds() / DAY));
    }
    return Date.from(now.toInstant().plus(response));
  }
}
