package com.shopdesk.aftersales.warehouse;

import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the warehouse to cancel the outbound order. If the warehouse shipped it meanwhile, the parcel is
 * recorded on the order and the case continues as an in-transit interception.
 */
@Component
public class CancelOutboundDelegate implements JavaDelegate {
  private final WarehouseGateway warehouse;
  private final OrderRepository orders;
  private final CaseTimeline timeline;

  public CancelOutboundDelegate(WarehouseGateway warehouse, OrderRepository orders, CaseTimeline timeline) {
    this.warehouse = warehouse;
    this.orders = orders;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    WarehouseGateway.CancelOutcome outcome = warehouse.cancelOutbound(vars.orderNo());
    vars.outboundCancelled(outcome.cancelled());
    if (outcome.cancelled()) {
      timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "仓库已取消出库", null);
      return;
    }
    orders.markShipped(vars.orderNo(),
        new Order.Shipment(outcome.carrier(), outcome.trackingNo(), OffsetDateTime.now()));
    vars.shipped(outcome.carrier(), outcome.trackingNo());
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP,
        "仓库回复已发货（" + Carriers.parcel(outcome.carrier(), outcome.trackingNo()) + "），改为拦截包裹", null);
  }
}
