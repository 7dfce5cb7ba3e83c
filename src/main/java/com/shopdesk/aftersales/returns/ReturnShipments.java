package com.shopdesk.aftersales.returns;

import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.CaseLedger;
import com.shopdesk.aftersales.cases.CaseRecord;
import com.shopdesk.aftersales.cases.CaseStatus;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.ShipmentKind;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the buyer's return tracking number while the case's return ({@code return-receipt}) runs: stores the
 * parcel on the case first, then hands it to the return if it waits for it already. A return that starts
 * waiting later finds the stored parcel. Cases that never authorized a return refuse it.
 */
@Service
public class ReturnShipments {
  static final String MESSAGE = "return.SHIPPED";
  /** The called process that awaits a return; it runs with the case number as business key. */
  static final String RETURN_PROCESS = "return-receipt";
  private final CaseLedger ledger;
  private final OrderRepository orders;
  private final CaseTimeline timeline;
  private final RuntimeService runtime;

  public ReturnShipments(CaseLedger ledger, OrderRepository orders, CaseTimeline timeline, RuntimeService runtime) {
    this.ledger = ledger;
    this.orders = orders;
    this.timeline = timeline;
    this.runtime = runtime;
  }

  public record Receipt(String caseNo, String carrier, String trackingNo, int deliveredTo) {}

  @Transactional
  public Receipt submit(String caseNo, ReturnShipment shipment, String user) {
    CaseRecord c = ledger.find(caseNo)
        .orElseThrow(() -> ApiException.notFound("caseNo", "case " + caseNo + " not found"));
    if (c.status() != CaseStatus.OPEN) {
      throw ApiException.conflict("caseNo", "case " + caseNo + " is closed (" + c.resolution() + ")");
    }
    orders.parcelOfCase(caseNo, ShipmentKind.RETURN).ifPresent(known -> {
      throw ApiException.conflict("trackingNo", "case " + caseNo + " already has the return parcel "
          + known.carrier() + " " + known.trackingNo());
    });
    boolean awaited = runtime.createProcessInstanceQuery()
        .processDefinitionKey(RETURN_PROCESS)
        .processInstanceBusinessKey(caseNo)
        .count() > 0;
    if (!awaited) {
      throw ApiException.conflict("caseNo", "no return has been authorized for case " + caseNo
          + ": a return parcel is taken only while the case awaits the buyer's return");
    }
    boolean stored = orders.recordShipment(c.orderNo(), ShipmentKind.RETURN,
        new Order.Shipment(shipment.carrier(), shipment.trackingNo(), OffsetDateTime.now()), caseNo,
        shipment.shippingFee() == null ? null : Money.of(shipment.shippingFee()));
    if (!stored) {
      throw ApiException.conflict("trackingNo", "tracking number " + shipment.carrier() + " "
          + shipment.trackingNo() + " belongs to another parcel");
    }
    timeline.record(caseNo, CaseTimeline.Kind.STEP, "买家已寄回：" + Carriers.parcel(shipment.carrier(), shipment.trackingNo())
        + (shipment.shippingFee() == null ? "" : "，运费 " + Money.format(shipment.shippingFee())), user);
    int delivered = runtime.createMessageCorrelation(MESSAGE)
        .processInstanceBusinessKey(caseNo)
        .setVariable(CaseVariables.RETURN_SHIPPED, true)
        .setVariable(CaseVariables.CARRIER, shipment.carrier())
        .setVariable(CaseVariables.TRACKING_NO, shipment.trackingNo())
        .setVariable(CaseVariables.SHIPPING_FEE,
            shipment.shippingFee() == null ? 0.0 : shipment.shippingFee().doubleValue())
        .correlateAllWithResult().size();
    return new Receipt(caseNo, shipment.carrier(), shipment.trackingNo(), delivered);
  }
}
