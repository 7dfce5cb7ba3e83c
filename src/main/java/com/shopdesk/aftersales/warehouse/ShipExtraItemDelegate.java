package com.shopdesk.aftersales.warehouse;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.cases.TaskInputs;
import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.gifts.PromisedGift;
import com.shopdesk.aftersales.gifts.PromisedGifts;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.ShipmentKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Has the warehouse send the buyer SKUs that are no line of the order, and records the parcel on the order.
 * Input {@code purpose}:
 * <ul>
 *   <li>{@code GIFT}: the gifts promised on the order (recorded by an agent, read now, so a promise recorded
 *   after the case opened counts) that the packing record lacks; all of them when it lacks none (the buyer
 *   insisted and the agent agreed). Recorded as a reshipment ({@code RESHIP}), so the pickup watch and a
 *   withdrawal treat it like one. No promise recorded: the step fails, saying to record it first.</li>
 *   <li>{@code SPARE_PART}: one {@code partSku} ({@code partName}), recorded as {@code SPARE_PART}.</li>
 * </ul>
 * Each attempt has its number, so a retried step gets the same parcel. Sets {@code reshipCarrier},
 * {@code reshipTrackingNo}, {@code reshipAttempts} and {@code extraItemsText}.
 */
@Component
public class ShipExtraItemDelegate implements JavaDelegate {
  private final WarehouseGateway warehouse;
  private final PromisedGifts gifts;
  private final OrderRepository orders;
  private final CaseTimeline timeline;

  public ShipExtraItemDelegate(WarehouseGateway warehouse, PromisedGifts gifts, OrderRepository orders,
      CaseTimeline timeline) {
    this.warehouse = warehouse;
    this.gifts = gifts;
    this.orders = orders;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    ExtraShipmentVariables extra = ExtraShipmentVariables.of(execution);
    WarehouseGateway.ExtraPurpose purpose = TaskInputs.choice(execution, "purpose",
        WarehouseGateway.ExtraPurpose.class, null);
    if (purpose == null) {
      throw new IllegalStateException("input purpose (GIFT or SPARE_PART) is missing on the step");
    }
    Map<String, Integer> items;
    String itemsText;
    ShipmentKind kind;
    if (purpose == WarehouseGateway.ExtraPurpose.GIFT) {
      List<PromisedGift> toSend = giftsToSend(vars.orderNo());
      items = PromisedGifts.quantities(toSend);
      itemsText = toSend.stream().map(PromisedGift::label).collect(Collectors.joining("、"));
      kind = ShipmentKind.RESHIP;
    } else {
      String sku = extra.partSku();
      if (sku == null) {
        throw new IllegalStateException("no spare part (partSku) is known for case " + vars.caseNo()
            + ": bpmn/spare-part.dmn names none for its product and fault");
      }
      items = Map.of(sku, 1);
      itemsText = extra.partName() + "（" + sku + "）× 1";
      kind = ShipmentKind.SPARE_PART;
    }
    int attempt = vars.nextReshipAttempt();
    WarehouseGateway.Reshipment parcel = warehouse.shipExtraItems(vars.orderNo(), vars.caseNo(), attempt, items,
        purpose);
    orders.recordShipment(vars.orderNo(), kind,
        new Order.Shipment(parcel.carrier(), parcel.trackingNo(), OffsetDateTime.now()), vars.caseNo(), null);
    vars.reshipped(attempt, parcel.carrier(), parcel.trackingNo());
    extra.shipped(itemsText);
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, (purpose == WarehouseGateway.ExtraPurpose.GIFT
        ? "仓库已补寄赠品" : "仓库已寄出配件") + "：" + itemsText + "，" + Carriers.parcel(parcel.carrier(),
        parcel.trackingNo()), null);
  }

  private List<PromisedGift> giftsToSend(String orderNo) {
    List<PromisedGift> promised = gifts.ofOrder(orderNo);
    if (promised.isEmpty()) {
      throw new IllegalStateException("订单 " + orderNo + " 没有登记承诺的赠品，仓库不知道补寄什么：请先登记赠品"
          + "（POST /api/orders/" + orderNo + "/promised-gifts）再重试此步骤");
    }
    Map<String, Integer> packed = warehouse.packingRecord(orderNo).map(WarehouseGateway.PackingRecord::items)
        .orElse(null);
    List<PromisedGift> missing = gifts.missingFrom(orderNo, packed);
    return missing.isEmpty() ? promised : missing;
  }
}
