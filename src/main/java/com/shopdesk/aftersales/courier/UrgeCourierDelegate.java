package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Urges the courier (催件) about the case's parcel: no pickup scan, or no movement for too long. */
@Component
public class UrgeCourierDelegate implements JavaDelegate {
  private final CourierGateway courier;
  private final CaseTimeline timeline;

  public UrgeCourierDelegate(CourierGateway courier, CaseTimeline timeline) {
    this.courier = courier;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    courier.urge(vars.carrier(), vars.trackingNo());
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "已催促快递：" + Carriers.parcel(vars.carrier(), vars.trackingNo()), null);
  }
}
