package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The buyer withdrew the request: the courier delivers the parcel after all instead of stopping it. */
@Component
public class CallOffInterceptionDelegate implements JavaDelegate {
  private final CourierGateway courier;
  private final CaseTimeline timeline;

  public CallOffInterceptionDelegate(CourierGateway courier, CaseTimeline timeline) {
    this.courier = courier;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    courier.callOffInterception(vars.carrier(), vars.trackingNo());
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP,
        "已撤销快递拦截，包裹继续派送：" + Carriers.parcel(vars.carrier(), vars.trackingNo()), null);
  }
}
