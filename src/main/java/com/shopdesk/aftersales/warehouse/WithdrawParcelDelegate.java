package com.shopdesk.aftersales.warehouse;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.orders.OrderRepository;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * No courier collected the parcel (carrier, trackingNo) by the deadline: the warehouse takes it back, so it
 * cannot go out after the case has moved on to another parcel or a refund. If a courier collected it after
 * all, sets {@code pickedUp} true instead.
 */
@Component
public class WithdrawParcelDelegate implements JavaDelegate {
  private final WarehouseGateway warehouse;
  private final OrderRepository orders;
  private final CaseTimeline timeline;

  public WithdrawParcelDelegate(WarehouseGateway warehouse, OrderRepository orders, CaseTimeline timeline) {
    this.warehouse = warehouse;
    this.orders = orders;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    String parcel = Carriers.parcel(vars.carrier(), vars.trackingNo());
    if (warehouse.withdrawParcel(vars.carrier(), vars.trackingNo())) {
      orders.markWithdrawn(vars.carrier(), vars.trackingNo(), OffsetDateTime.now());
      timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "包裹无快递揽收，仓库已撤回：" + parcel, null);
      return;
    }
    vars.parcelMoved(true, parcel + "：仓库回复快递已揽收");
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "撤回包裹时仓库回复快递已揽收：" + parcel, null);
  }
}
