package com.shopdesk.aftersales.warehouse;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A refund-only request on an unshipped order was refused after the warehouse had cancelled the outbound
 * order: the warehouse takes it back, so the buyer, who keeps paying, still gets the goods.
 */
@Component
public class ReinstateOutboundDelegate implements JavaDelegate {
  private final WarehouseGateway warehouse;
  private final CaseTimeline timeline;

  public ReinstateOutboundDelegate(WarehouseGateway warehouse, CaseTimeline timeline) {
    this.warehouse = warehouse;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    warehouse.reinstateOutbound(vars.orderNo());
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "仓库已恢复出库，订单照常发货", null);
  }
}
