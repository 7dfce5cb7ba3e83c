package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.complaints.ComplaintLinks;
import com.shopdesk.aftersales.courier.CourierEvent;
import com.shopdesk.aftersales.courier.ParcelRedirectVariables;
import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.courier.TrackingEvents;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.payment.RefundLedger;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Intake: checks a request against the order, registers the case and starts its process, all or nothing. */
@Service
public class CaseIntake {
  public static final String SYSTEM = "系统";
  private static final String INTERCEPTION = "interception";
  private final OrderRepository orders;
  private final CaseLedger ledger;
  private final CaseNumbers numbers;
  private final CaseRouter router;
  private final CaseTimeline timeline;
  private final RefundLedger refunds;
  private final RuntimeService runtime;
  private final TrackingEvents tracking;
  private final ComplaintLinks complaints;

  public CaseIntake(OrderRepository orders, CaseLedger ledger, CaseNumbers numbers, CaseRouter router,
      CaseTimeline timeline, RefundLedger refunds, RuntimeService runtime, TrackingEvents tracking,
      ComplaintLinks complaints) {
    this.complaints = complaints;
    this.orders = orders;
    this.ledger = ledger;
    this.numbers = numbers;
    this.router = router;
    this.timeline = timeline;
    this.refunds = refunds;
    this.runtime = runtime;
    this.tracking = tracking;
  }

  public record Opened(String caseNo, String process, String processInstanceId) {}

  @Transactional
  public Opened open(CaseRequest request, String user) {
    return open(request, user, null);
  }

  /** Opens the case that takes over from another one, e.g. a return after a failed interception. */
  @Transactional
  public Opened openLinked(String fromCaseNo, CaseRequest request) {
    return open(request, SYSTEM, fromCaseNo);
  }

  private Opened open(CaseRequest request, String user, String linkedFrom) {
    Order order = orders.find(request.orderNo())
        .orElseThrow(() -> ApiException.notFound("orderNo", "order " + request.orderNo() + " not found"));
    ComplaintLinks.Link complaint = complaints.check(request, order);
    if (complaint != null) {
      // about another case's goods and money: it holds no items and claims nothing the linked case does not
      return openComplaint(request, order, user, complaint);
    }
    List<CaseRequest.CaseItem> items = itemsOf(request, order);
    orders.lock(order.orderNo());
    Map<String, String> held = ledger.openCasesHolding(order.orderNo(),
        items.stream().map(CaseRequest.CaseItem::sku).toList());
    if (!held.isEmpty()) {
      throw alreadyOpen(order.orderNo(), held);
    }
    BigDecimal refunded = refunds.refundedForOrder(order.orderNo());
    BigDecimal refundable = Money.of(order.paidAmount().subtract(refunded));
    if (refundable.signum() <= 0) {
      throw ApiException.conflict("orderNo", refunded.signum() > 0
          ? "order " + order.orderNo() + " has been refunded in full (paid " + Money.of(order.paidAmount())
              .toPlainString() + ", refunded " + refunded.toPlainString() + "): nothing is left to refund"
          : "order " + order.orderNo() + " was paid " + Money.of(order.paidAmount()).toPlainString()
              + ": nothing is left to refund");
    }
    if (request.reason() == Reason.ADDRESS_CHANGE && (request.address() == null || request.address().isBlank())) {
      throw ApiException.badRequest("address", "address is required for ADDRESS_CHANGE: the buyer's new name, phone "
          + "and full address");
    }
    if (request.reason().moneyOnly() && request.amount() == null) {
      throw ApiException.badRequest("amount", "amount is required for " + request.reason() + " (" + request.reason()
          .label() + "): name the difference to refund, not the goods' value");
    }
    BigDecimal amount = request.amount() != null ? Money.of(request.amount()) : valueOf(items, order).min(refundable);
    if (amount.signum() <= 0) {
      throw ApiException.badRequest("amount", request.amount() != null ? "amount must be above 0"
          : "amount must be above 0: the items asked for are worth " + amount.toPlainString() + " on order "
              + order.orderNo() + ", so name the amount");
    }
    if (amount.compareTo(refundable) > 0) {
      throw ApiException.badRequest("amount",
          "amount " + amount.toPlainString() + " is above what is still refundable on order " + order.orderNo()
              + " (" + refundable.toPlainString() + ")");
    }
    BigDecimal claimed = Money.of(ledger.openClaims(order.orderNo(), null));
    if (amount.compareTo(refundable.subtract(claimed)) > 0) {
      throw ApiException.conflict("amount", "amount " + amount.toPlainString() + " is above what order "
          + order.orderNo() + " has left once its open cases are paid: " + refundable.toPlainString()
          + " refundable, of which open cases ask for " + claimed.toPlainString());
    }
    CaseRouter.Route route = router.route(request.request(), request.reason(), order.status());
    String process = route.process();
    if (request.urgent() != null && !INTERCEPTION.equals(process)) {
      throw ApiException.badRequest("urgent", "urgent is only for a refund-only request on an order the buyer has"
          + " not received (interception); this " + request.request() + " request on a " + order.status()
          + " order goes to " + process);
    }

    String caseNo = numbers.next();
    CaseRecord record = new CaseRecord(caseNo, order.orderNo(), request.request(), request.reason(), process, null,
        CaseStatus.OPEN, null, amount, request.note(), user, null, null, null, linkedFrom, null, null);
    try {
      ledger.open(record, items, request.evidence() == null ? List.of() : request.evidence());
    } catch (DuplicateKeyException raced) {
      throw ApiException.conflict("items", "order " + order.orderNo()
          + " had a case opened on the same items just now: read the order's cases and try again");
    }
    timeline.record(caseNo, CaseTimeline.Kind.OPENED, "开单：" + request.request().label() + "，原因："
        + request.reason().label() + "，金额 " + Money.format(amount)
        + (request.urgent() == null ? "" : request.urgent() ? "，买家着急退款" : "，买家不着急退款（不拦截，等买家拒收）")
        + (linkedFrom == null ? "" : "（接续售后单 " + linkedFrom + "）")
        + (request.address() == null ? "" : "，新收货地址：" + request.address().strip()), user);

    String instanceId = start(record, order, items, request.evidence() == null ? List.of() : request.evidence(), route,
        request.address() == null ? null : request.address().strip(), request.urgent());
    return new Opened(caseNo, process, instanceId);
  }

  /**
   * A complaint or an intervention: a case of its own on the order, linked to the case it is about ({@code
   * linkedFrom} in the ledger), with that case's items and amount on record but holding neither, so the linked case
   * and new cases on the order go on as before.
   */
  private Opened openComplaint(CaseRequest request, Order order, String user, ComplaintLinks.Link complaint) {
    CaseRecord original = complaint.original();
    CaseRouter.Route route = router.route(request.request(), request.reason(), order.status());
    String caseNo = numbers.next();
    List<CaseRequest.CaseItem> items = ledger.items(original.caseNo());
    List<String> evidence = request.evidence() == null ? List.of() : request.evidence();
    CaseRecord record = new CaseRecord(caseNo, order.orderNo(), request.request(), request.reason(), route.process(),
        null, CaseStatus.OPEN, null, original.amount(), request.note(), user, null, null, null, original.caseNo(),
        null, null);
    ledger.openUnheld(record, items, evidence);
    timeline.record(caseNo, CaseTimeline.Kind.OPENED, "开单：" + request.request().label() + "，原因："
        + request.reason().label() + "，关联售后单 " + original.caseNo(), user);
    timeline.record(original.caseNo(), CaseTimeline.Kind.STEP, "买家" + request.request().label() + "："
        + request.reason().label() + "，见售后单 " + caseNo, user);
    String category = order.item(mostValuable(items, order).sku()).orElseThrow().category();
    VariableMap variables = CaseVariables.atStart(record, order, summary(items, order), replacements(items, order),
        category, evidence, noReasonWindow(order));
    variables.putAll(complaint.variables());
    ProcessInstance instance = runtime.startProcessInstanceById(route.definitionId(), caseNo, variables);
    ledger.linkProcessInstance(caseNo, instance.getId());
    return new Opened(caseNo, route.process(), instance.getId());
  }

  /**
   * Starts the case's process on the route's version with the case's variables, and links it in the ledger; a
   * corrected case starts its new process here too.
   */
  String start(CaseRecord record, Order order, List<CaseRequest.CaseItem> items, List<String> evidence,
      CaseRouter.Route route, Boolean urgent) {
    return start(record, order, items, evidence, route, null, urgent);
  }

  /**
   * As above; {@code address}, the buyer's new address on an address change, and {@code urgent}, whether a buyer
   * asking for a refund before delivery is in a hurry, go to the process too when given.
   */
  private String start(CaseRecord record, Order order, List<CaseRequest.CaseItem> items, List<String> evidence,
      CaseRouter.Route route, String address, Boolean urgent) {
    String category = order.item(mostValuable(items, order).sku()).orElseThrow().category();
    VariableMap variables = CaseVariables.atStart(record, order, summary(items, order), replacements(items, order),
        category, evidence, noReasonWindow(order)).putValue(CaseVariables.PRODUCT_SKU, mostValuable(items, order).sku());
    if (address != null) {
      variables.putAll(ParcelRedirectVariables.atStart(address));
    }
    if (urgent != null) {
      variables.putValue(CaseVariables.URGENT, urgent);
    }
    ProcessInstance instance = runtime.startProcessInstanceById(route.definitionId(), record.caseNo(), variables);
    ledger.linkProcessInstance(record.caseNo(), instance.getId());
    return instance.getId();
  }

  /**
   * When the buyer got the parcel (the order's sign-off time, else the courier's DELIVERED scan) and whether the
   * 7-day no-reason window, 7 × 24 hours from then, has closed. Without a sign-off time only the platform's word
   * closes it.
   */
  private NoReasonWindow noReasonWindow(Order order) {
    OffsetDateTime delivered = order.deliveredAt();
    if (delivered == null && order.shipment() != null) {
      delivered = tracking.ofParcel(order.shipment().carrier(), order.shipment().trackingNo()).stream()
          .filter(e -> e.event() == CourierEvent.DELIVERED)
          .map(TrackingEvent::at)
          .reduce((first, later) -> later)
          .orElse(null);
    }
    return NoReasonWindow.of(delivered, Boolean.TRUE.equals(order.returnWindowClosed()), OffsetDateTime.now());
  }

  /** 409 naming the open case of each item asked for again, e.g. "LJ-250 in AS20261205-000012". */
  private static ApiException alreadyOpen(String orderNo, Map<String, String> held) {
    return ApiException.conflict("items", "order " + orderNo + " already has an open case on "
        + held.entrySet().stream().map(e -> e.getKey() + " in " + e.getValue()).collect(Collectors.joining(", "))
        + ": ask about the order's other items, or work that case");
  }

  /**
   * The request's items checked against the order. A replacement SKU is kept on exchanges only (the API refuses
   * it elsewhere; a case handed over from an exchange drops it) and a blank one means the same SKU: null.
   */
  private static List<CaseRequest.CaseItem> itemsOf(CaseRequest request, Order order) {
    if (request.items() == null || request.items().isEmpty()) {
      return order.items().stream().map(i -> new CaseRequest.CaseItem(i.sku(), i.quantity())).toList();
    }
    List<CaseRequest.CaseItem> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < request.items().size(); i++) {
      CaseRequest.CaseItem item = request.items().get(i);
      String field = "items[" + i + "]";
      Order.Item ordered = order.item(item.sku()).orElseThrow(() -> ApiException.badRequest(
          field + ".sku", "SKU " + item.sku() + " is not part of order " + order.orderNo()));
      if (!seen.add(item.sku())) {
        throw ApiException.badRequest(field + ".sku", "SKU " + item.sku() + " appears twice");
      }
      if (item.quantity() > ordered.quantity()) {
        throw ApiException.badRequest(field + ".quantity", "quantity " + item.quantity()
            + " is above the " + ordered.quantity() + " ordered of SKU " + item.sku());
      }
      boolean replaced = request.request() == RequestType.EXCHANGE
          && item.replacementSku() != null && !item.replacementSku().isBlank();
      items.add(new CaseRequest.CaseItem(item.sku(), item.quantity(), replaced ? item.replacementSku() : null));
    }
    return items;
  }

  /** The line worth the most (unit price × quantity); on a tie the first one asked for. */
  private static CaseRequest.CaseItem mostValuable(List<CaseRequest.CaseItem> items, Order order) {
    CaseRequest.CaseItem best = items.get(0);
    BigDecimal bestValue = valueOf(List.of(best), order);
    for (CaseRequest.CaseItem item : items.subList(1, items.size())) {
      BigDecimal value = valueOf(List.of(item), order);
      if (value.compareTo(bestValue) > 0) {
        best = item;
        bestValue = value;
      }
    }
    return best;
  }

  private static BigDecimal valueOf(List<CaseRequest.CaseItem> items, Order order) {
    return Money.of(items.stream()
        .map(i -> order.item(i.sku()).orElseThrow().unitPrice().multiply(BigDecimal.valueOf(i.quantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /** For an exchange: "西湖龙井 250g（LJ-250）×1 换 LJ-500"; the same SKU when none is named. */
  private static String replacements(List<CaseRequest.CaseItem> items, Order order) {
    return items.stream().map(i -> order.item(i.sku()).orElseThrow().name() + "（" + i.sku() + "）×" + i.quantity()
        + " 换 " + (i.wantedSku().equals(i.sku()) ? "同款" : i.wantedSku())).collect(Collectors.joining("；"));
  }

  /** "西湖龙井 250g ×1（单价 ¥128.00）；…" for forms and messages. */
  public static String summary(List<CaseRequest.CaseItem> items, Order order) {
    return items.stream().map(i -> {
      Order.Item ordered = order.item(i.sku()).orElseThrow();
      return ordered.name() + " ×" + i.quantity() + "（单价 " + Money.format(ordered.unitPrice()) + "）";
    }).collect(Collectors.joining("；"));
  }
}
