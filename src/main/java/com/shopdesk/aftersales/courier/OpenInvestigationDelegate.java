package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens the courier's loss investigation for the case's parcel; the verdict comes as LOST or FOUND. */
@Component
public class OpenInvestigationDelegate implements JavaDelegate {
  private final CourierGateway courier;
  private final CaseTimeline timeline;

  public OpenInvestigationDelegate(CourierGateway courier, CaseTimeline timeline) {
    this.courier = courier;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    courier.openInvestigation(vars.carrier(), vars.trackingNo());
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP,
        "已请快递调查丢件：" + Carriers.parcel(vars.carrier(), vars.trackingNo()), null);
  }
}
