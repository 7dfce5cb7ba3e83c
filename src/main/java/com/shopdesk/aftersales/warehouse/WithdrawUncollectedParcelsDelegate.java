package com.shopdesk.aftersales.warehouse;

import com.shopdesk.aftersales.cases.CaseIntake;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.cases.OrderRemarks;
import com.shopdesk.aftersales.cases.RemarkFlag;
import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.courier.TrackingEvents;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.Parcel;
import com.shopdesk.aftersales.orders.ShipmentKind;
import java.time.OffsetDateTime;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The case ended before the parcels it sent the buyer went out (a withdrawal): the warehouse takes back every
 * reshipment or replacement of the case that no courier has collected. One a courier collected meanwhile leaves a
 * yellow remark, as the buyer now holds goods the case no longer covers.
 */
@Component
public class WithdrawUncollectedParcelsDelegate implements JavaDelegate {
  private static final Set<ShipmentKind> SENT_TO_BUYER = Set.of(ShipmentKind.RESHIP, ShipmentKind.REPLACEMENT);
  private final WarehouseGateway warehouse;
  private final OrderRepository orders;
  private final TrackingEvents tracking;
  private final CaseTimeline timeline;
  private final OrderRemarks remarks;

  public WithdrawUncollectedParcelsDelegate(WarehouseGateway warehouse, OrderRepository orders,
      TrackingEvents tracking, CaseTimeline timeline, OrderRemarks remarks) {
    this.warehouse = warehouse;
    this.orders = orders;
    this.tracking = tracking;
    this.timeline = timeline;
    this.remarks = remarks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    for (Parcel parcel : orders.parcels(vars.orderNo())) {
      if (!vars.caseNo().equals(parcel.caseNo()) || !SENT_TO_BUYER.contains(parcel.kind())
          || parcel.withdrawnAt() != null || !tracking.ofParcel(parcel.carrier(), parcel.trackingNo()).isEmpty()) {
        continue;
      }
      String name = parcel.kind().label() + " " + Carriers.parcel(parcel.carrier(), parcel.trackingNo());
      if (warehouse.withdrawParcel(parcel.carrier(), parcel.trackingNo())) {
        orders.markWithdrawn(parcel.carrier(), parcel.trackingNo(), OffsetDateTime.now());
        timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "仓库已撤回未揽收的包裹：" + name, null);
      } else {
        remarks.add(vars.orderNo(), vars.caseNo(), "申请已撤销，但" + name + " 已被快递揽收，请与买家确认是否拒收",
            CaseIntake.SYSTEM, RemarkFlag.YELLOW);
      }
    }
  }
}
