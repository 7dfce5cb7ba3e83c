package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.orders.Order;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The process variables of a case, read and written in this one place. All are plain strings, numbers
 * and booleans so Cockpit shows them and forms can bind them; the ledger keeps the authoritative record.
 */
public final class CaseVariables {
  public static final String CASE_NO = "caseNo";
  public static final String ORDER_NO = "orderNo";
  public static final String REQUEST = "request";
  public static final String REASON = "reason";
  public static final String AMOUNT = "amount";
  public static final String REFUND_AMOUNT = "refundAmount";
  public static final String ORDER_STATUS = "orderStatus";
  public static final String BUYER_NAME = "buyerName";
  public static final String ITEMS_SUMMARY = "itemsSummary";
  public static final String CARRIER = "carrier";
  public static final String TRACKING_NO = "trackingNo";
  public static final String OUTBOUND_CANCELLED = "outboundCancelled";
  public static final String PARCEL_OUTCOME = "parcelOutcome";
  public static final String LATEST_TRACKING = "latestTracking";
  public static final String REASON_LABEL = "reasonLabel";
  public static final String CATEGORY = "category";
  /** The SKU the case is about (its most valuable item, as {@code category}): bpmn/spare-part.dmn looks it up. */
  public static final String PRODUCT_SKU = "productSku";
  public static final String SHIPPING_INSURANCE = "shippingInsurance";
  public static final String DAYS_SINCE_DELIVERY = "daysSinceDelivery";
  public static final String LATE_FOR_NO_REASON = "lateForNoReason";
  public static final String DELIVERED_AT_TEXT = "deliveredAtText";
  public static final String NO_REASON_ENDS_TEXT = "noReasonEndsText";
  public static final String EVIDENCE_TEXT = "evidenceText";
  public static final String RETURN_SHIPPED = "returnShipped";
  public static final String SHIPPING_FEE = "shippingFee";
  public static final String SHIPPING_REFUND = "shippingRefund";
  public static final String SHIPPING_PART = "shippingPart";
  public static final String SELLER_PAYS_SHIPPING = "sellerPaysShipping";
  public static final String RETURN_DELIVERED = "returnDelivered";
  public static final String LATEST_EVENT = "latestEvent";
  public static final String PICKED_UP = "pickedUp";
  public static final String DISPOSITION = "disposition";
  public static final String IN_STOCK = "inStock";
  public static final String REPLACEMENT_SUMMARY = "replacementSummary";
  public static final String LINKED_FROM = "linkedFrom";
  public static final String LOSS_VERDICT = "lossVerdict";
  public static final String SHORT_CONFIRMED = "shortConfirmed";
  public static final String VERIFICATION_NOTE = "verificationNote";
  public static final String RESHIP_ATTEMPTS = "reshipAttempts";
  public static final String RESHIP_CARRIER = "reshipCarrier";
  public static final String RESHIP_TRACKING_NO = "reshipTrackingNo";
  public static final String INTERCEPTION_REQUESTED = "interceptionRequested";
  /** How the interception was asked for: through the courier's API, or an agent at the carrier's station. */
  public static final String INTERCEPTED_VIA_STATION = "interceptedViaStation";
  /** The station's answer an agent entered (联系网点拦截): STOPPED, NOT_STOPPED or ACCEPTED, and its note. */
  public static final String STATION_ANSWER = "stationAnswer";
  public static final String STATION_NOTE = "stationNote";
  /**
   * Interception: whether the buyer is in a hurry for the money (着急退款), as the intake was told; absent when it
   * was not said. {@code false}: the parcel is not intercepted, the buyer refuses it at the station.
   */
  public static final String URGENT = "urgent";
  /** Interception: the courier reported the parcel back with the shop (RETURNED). */
  public static final String PARCEL_RETURNED = "parcelReturned";
  public static final String WITHDRAWAL_REASON = "withdrawalReason";
  public static final String INSURED_SHIPPING = "insuredShippingAmount";
  public static final String WITHDRAWN_BY = "withdrawnBy";

  private final VariableScope scope;

  private CaseVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static CaseVariables of(VariableScope scope) {
    return new CaseVariables(scope);
  }

  /** What every case's process starts with: the request, the order's context, and its outbound parcel. */
  public static VariableMap atStart(CaseRecord c, Order order, String itemsSummary, String replacementSummary,
      String category, List<String> evidence, NoReasonWindow window) {
    VariableMap vars = Variables.createVariables()
        .putValue(CASE_NO, c.caseNo())
        .putValue(ORDER_NO, c.orderNo())
        .putValue(REQUEST, c.request().name())
        .putValue(REASON, c.reason().name())
        .putValue(REASON_LABEL, c.reason().label())
        .putValue(AMOUNT, c.amount().doubleValue())
        .putValue(REFUND_AMOUNT, c.amount().doubleValue())
        .putValue(ORDER_STATUS, order.status().name())
        .putValue(BUYER_NAME, order.buyer().name())
        .putValue(ITEMS_SUMMARY, itemsSummary)
        .putValue(REPLACEMENT_SUMMARY, replacementSummary)
        .putValue(CATEGORY, category)
        .putValue(SHIPPING_INSURANCE, order.insured())
        .putValue(DAYS_SINCE_DELIVERY, window.daysSinceDelivery())
        .putValue(LATE_FOR_NO_REASON, window.closed())
        .putValue(DELIVERED_AT_TEXT, window.deliveredAtText())
        .putValue(NO_REASON_ENDS_TEXT, window.endsAtText())
        .putValue(EVIDENCE_TEXT, evidenceLinks(evidence));
    if (c.linkedFrom() != null) {
      vars.putValue(LINKED_FROM, c.linkedFrom());
    }
    if (order.shipment() != null) {
      vars.putValue(CARRIER, order.shipment().carrier()).putValue(TRACKING_NO, order.shipment().trackingNo());
    }
    return vars;
  }

  /** Evidence as links an agent can open from the form: "[凭证1](https://…) [凭证2](https://…)". */
  private static String evidenceLinks(List<String> evidence) {
    if (evidence.isEmpty()) {
      return "（买家未提供）";
    }
    StringBuilder links = new StringBuilder();
    for (int i = 0; i < evidence.size(); i++) {
      links.append(i == 0 ? "" : " ").append("[凭证").append(i + 1).append("](").append(evidence.get(i)).append(')');
    }
    return links.toString();
  }

  public String caseNo() {
    return (String) scope.getVariable(CASE_NO);
  }

  public String orderNo() {
    return (String) scope.getVariable(ORDER_NO);
  }

  public BigDecimal refundAmount() {
    Object value = scope.getVariable(REFUND_AMOUNT);
    return Money.of((Number) (value != null ? value : scope.getVariable(AMOUNT)));
  }

  public String carrier() {
    return (String) scope.getVariable(CARRIER);
  }

  public String trackingNo() {
    return (String) scope.getVariable(TRACKING_NO);
  }

  public BigDecimal amount() {
    return Money.of((Number) scope.getVariable(AMOUNT));
  }

  public boolean sellerPaysShipping() {
    return Boolean.TRUE.equals(scope.getVariable(SELLER_PAYS_SHIPPING));
  }

  public BigDecimal shippingFee() {
    Object fee = scope.getVariable(SHIPPING_FEE);
    return fee == null ? BigDecimal.ZERO.setScale(2) : Money.of((Number) fee);
  }

  public void refundAmount(BigDecimal amount) {
    scope.setVariable(REFUND_AMOUNT, amount.doubleValue());
  }

  public void shippingRefund(BigDecimal shipping) {
    scope.setVariable(SHIPPING_REFUND, shipping.doubleValue());
  }

  /**
   * In the called process {@code refund}: how much of this refund pays back return shipping, as the calling
   * activity passes it in ({@code shippingPart}); zero when it passes none.
   */
  public BigDecimal shippingPart() {
    Object value = scope.getVariable(SHIPPING_PART);
    return value == null ? BigDecimal.ZERO.setScale(2) : Money.of((Number) value);
  }

  /** The buyer's return parcel: from here on the process follows this tracking number. */
  public void returnShipped(String carrier, String trackingNo, BigDecimal shippingFee) {
    scope.setVariable(RETURN_SHIPPED, true);
    scope.setVariable(CARRIER, carrier);
    scope.setVariable(TRACKING_NO, trackingNo);
    scope.setVariable(SHIPPING_FEE, shippingFee == null ? 0.0 : shippingFee.doubleValue());
  }

  public void returnNotShipped() {
    scope.setVariable(RETURN_SHIPPED, false);
  }

  public void returnDelivered(boolean delivered, String latestTracking) {
    scope.setVariable(RETURN_DELIVERED, delivered);
    scope.setVariable(LATEST_TRACKING, latestTracking);
  }

  public String disposition() {
    Object value = scope.getVariable(DISPOSITION);
    return value == null ? null : value.toString();
  }

  /** The returned goods left the warehouse again, so whatever it meant to do with them no longer applies. */
  public void goodsSentBack() {
    scope.removeVariable(DISPOSITION);
  }

  public void inStock(boolean inStock) {
    scope.setVariable(IN_STOCK, inStock);
  }

  public void parcelMoved(boolean moved, String latestTracking) {
    scope.setVariable(PICKED_UP, moved);
    scope.setVariable(LATEST_TRACKING, latestTracking);
  }

  public void lossVerdict(String verdict) {
    scope.setVariable(LOSS_VERDICT, verdict);
  }

  public void shortShipment(boolean confirmed, String note) {
    scope.setVariable(SHORT_CONFIRMED, confirmed);
    scope.setVariable(VERIFICATION_NOTE, note);
  }

  /** The next reshipment attempt's number: 1 for the first. */
  public int nextReshipAttempt() {
    Object done = scope.getVariable(RESHIP_ATTEMPTS);
    return done == null ? 1 : ((Number) done).intValue() + 1;
  }

  public void reshipped(int attempt, String carrier, String trackingNo) {
    scope.setVariable(RESHIP_ATTEMPTS, attempt);
    scope.setVariable(RESHIP_CARRIER, carrier);
    scope.setVariable(RESHIP_TRACKING_NO, trackingNo);
  }

  public void latestEvent(String event) {
    scope.setVariable(LATEST_EVENT, event);
  }

  public void shipped(String carrier, String trackingNo) {
    scope.setVariable(ORDER_STATUS, "SHIPPED");
    scope.setVariable(CARRIER, carrier);
    scope.setVariable(TRACKING_NO, trackingNo);
  }

  public boolean insured() {
    return Boolean.TRUE.equals(scope.getVariable(SHIPPING_INSURANCE));
  }

  /** What the shipping insurance pays the buyer for the return. */
  public void insuredShipping(BigDecimal amount) {
    scope.setVariable(INSURED_SHIPPING, amount.doubleValue());
  }

  public void interceptionRequested() {
    scope.setVariable(INTERCEPTION_REQUESTED, true);
  }

  /** The station took the interception on, so a withdrawal asks the station to call it off. */
  public void interceptionRequestedAtStation() {
    scope.setVariable(INTERCEPTION_REQUESTED, true);
    scope.setVariable(INTERCEPTED_VIA_STATION, true);
  }

  public boolean interceptedViaStation() {
    return Boolean.TRUE.equals(scope.getVariable(INTERCEPTED_VIA_STATION));
  }

  public String stationAnswer() {
    return (String) scope.getVariable(STATION_ANSWER);
  }

  public String stationNote() {
    return (String) scope.getVariable(STATION_NOTE);
  }

  public void outboundCancelled(boolean cancelled) {
    scope.setVariable(OUTBOUND_CANCELLED, cancelled);
  }

  public void parcelReturned(boolean returned, String latestTracking) {
    scope.setVariable(PARCEL_RETURNED, returned);
    scope.setVariable(LATEST_TRACKING, latestTracking);
  }

  public void parcelOutcome(String outcome, String latestTracking) {
    scope.setVariable(PARCEL_OUTCOME, outcome);
    scope.setVariable(LATEST_TRACKING, latestTracking);
  }

  /**
   * The step's id within the case, for idempotency keys: the same step retried gets the same key. In a called
   * process the step is the calling activity, so one reusable process serves several steps of a case.
   */
  public static String stepKey(DelegateExecution execution) {
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    return of(execution).caseNo() + ":"
        + (caller != null ? caller.getCurrentActivityId() : execution.getCurrentActivityId());
  }
}
