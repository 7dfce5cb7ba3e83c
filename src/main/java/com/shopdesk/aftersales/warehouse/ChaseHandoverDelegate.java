package com.shopdesk.aftersales.warehouse;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.courier.Carriers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The order shows as shipped but the warehouse has not handed the parcel (carrier, trackingNo) to the courier yet,
 * as happens in a big sale: asks the warehouse to hand it over now.
 */
@Component
public class ChaseHandoverDelegate implements JavaDelegate {
  private final WarehouseGateway warehouse;
  private final CaseTimeline timeline;

  public ChaseHandoverDelegate(WarehouseGateway warehouse, CaseTimeline timeline) {
    this.warehouse = warehouse;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    warehouse.chaseHandover(vars.orderNo(), vars.carrier(), vars.trackingNo());
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP,
        "已催促仓库交接快递：" + Carriers.parcel(vars.carrier(), vars.trackingNo()), null);
  }
}
