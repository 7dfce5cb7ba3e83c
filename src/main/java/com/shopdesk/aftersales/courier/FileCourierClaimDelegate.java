package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.api.Money;
import com.shopdesk.aftersales.cases.CaseLedger;
import com.shopdesk.aftersales.cases.CaseRequest;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Files a claim (索赔) against the courier for the case's parcel: order, SKUs, tracking number and value. */
@Component
public class FileCourierClaimDelegate implements JavaDelegate {
  private final CourierGateway courier;
  private final CaseLedger ledger;
  private final CaseTimeline timeline;

  public FileCourierClaimDelegate(CourierGateway courier, CaseLedger ledger, CaseTimeline timeline) {
    this.courier = courier;
    this.ledger = ledger;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    List<String> skus = ledger.items(vars.caseNo()).stream().map(CaseRequest.CaseItem::sku).toList();
    courier.fileClaim(new CourierGateway.Claim(vars.carrier(), vars.trackingNo(), vars.caseNo(), vars.orderNo(), skus,
        vars.amount()));
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "已向快递索赔：" + Carriers.parcel(vars.carrier(), vars.trackingNo())
        + "，金额 " + Money.format(vars.amount()), null);
  }
}
