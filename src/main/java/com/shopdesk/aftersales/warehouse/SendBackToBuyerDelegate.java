package com.shopdesk.aftersales.warehouse;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the warehouse to send returned goods that failed inspection back to the buyer. */
@Component
public class SendBackToBuyerDelegate implements JavaDelegate {
  private final WarehouseGateway warehouse;
  private final CaseTimeline timeline;

  public SendBackToBuyerDelegate(WarehouseGateway warehouse, CaseTimeline timeline) {
    this.warehouse = warehouse;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    warehouse.sendBackToBuyer(vars.orderNo(), vars.caseNo());
    vars.goodsSentBack();
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "仓库已安排将退回商品寄还买家", null);
  }
}
