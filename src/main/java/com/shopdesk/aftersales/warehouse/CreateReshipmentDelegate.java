package com.shopdesk.aftersales.warehouse;

import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.cases.CaseLedger;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.cases.TaskInputs;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.ShipmentKind;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Has the warehouse ship the case's items again (for an exchange, the wanted SKUs) and records the new
 * parcel on the order. Each attempt has its number, so a retried step gets the same parcel rather than a
 * second one. Optional inputs {@code parcelKind}: RESHIP (default) or REPLACEMENT; {@code carrier}: the carrier the
 * warehouse must use (EMS where couriers do not deliver), default its usual one; {@code address}: where to send it
 * (the buyer's new address), default the order's. Sets
 * {@code reshipCarrier}, {@code reshipTrackingNo} and {@code reshipAttempts}.
 */
@Component
public class CreateReshipmentDelegate implements JavaDelegate {
  private final WarehouseGateway warehouse;
  private final CaseLedger ledger;
  private final OrderRepository orders;
  private final CaseTimeline timeline;

  public CreateReshipmentDelegate(WarehouseGateway warehouse, CaseLedger ledger, OrderRepository orders,
      CaseTimeline timeline) {
    this.warehouse = warehouse;
    this.ledger = ledger;
    this.orders = orders;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    int attempt = vars.nextReshipAttempt();
    Map<String, Integer> items = ledger.wantedQuantities(vars.caseNo());
    Object kindInput = execution.getVariableLocal("parcelKind");
    ShipmentKind kind = kindInput == null ? ShipmentKind.RESHIP : ShipmentKind.valueOf(kindInput.toString());
    String carrier = TaskInputs.optional(execution, "carrier");
    String address = TaskInputs.optional(execution, "address");
    WarehouseGateway.Reshipment parcel = warehouse.createReshipment(vars.orderNo(), vars.caseNo(), attempt, items,
        carrier, address);
    orders.recordShipment(vars.orderNo(), kind,
        new Order.Shipment(parcel.carrier(), parcel.trackingNo(), OffsetDateTime.now()), vars.caseNo(), null);
    vars.reshipped(attempt, parcel.carrier(), parcel.trackingNo());
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP,
        (kind == ShipmentKind.REPLACEMENT ? "仓库已发出换货新品" : "仓库已补发") + "（第 " + attempt + " 次）："
            + Carriers.parcel(parcel.carrier(), parcel.trackingNo()) + (address == null ? "" : "，寄往 " + address), null);
  }
}
