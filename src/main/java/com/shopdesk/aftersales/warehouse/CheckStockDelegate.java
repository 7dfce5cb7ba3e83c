package com.shopdesk.aftersales.warehouse;

import com.shopdesk.aftersales.cases.CaseLedger;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the warehouse whether the SKUs the buyer wants are in stock. Sets {@code inStock}. */
@Component
public class CheckStockDelegate implements JavaDelegate {
  private final WarehouseGateway warehouse;
  private final CaseLedger ledger;
  private final CaseTimeline timeline;

  public CheckStockDelegate(WarehouseGateway warehouse, CaseLedger ledger, CaseTimeline timeline) {
    this.warehouse = warehouse;
    this.ledger = ledger;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    Map<String, Integer> wanted = ledger.wantedQuantities(vars.caseNo());
    boolean inStock = warehouse.inStock(wanted);
    vars.inStock(inStock);
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, (inStock ? "换货商品有货：" : "换货商品缺货：") + wanted.entrySet().stream()
        .map(e -> e.getKey() + " ×" + e.getValue()).collect(java.util.stream.Collectors.joining("，")), null);
  }
}
