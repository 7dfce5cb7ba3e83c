package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the courier to stop the case's parcel; the courier answers later with a tracking event. Sets
 * {@code interceptionRequested}, so a withdrawal knows to call it off.
 */
@Component
public class RequestInterceptionDelegate implements JavaDelegate {
  private final CourierGateway courier;
  private final CaseTimeline timeline;

  public RequestInterceptionDelegate(CourierGateway courier, CaseTimeline timeline) {
    this.courier = courier;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    courier.requestInterception(vars.carrier(), vars.trackingNo());
    vars.interceptionRequested();
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP,
        "已请求快递拦截 " + Carriers.parcel(vars.carrier(), vars.trackingNo()), null);
  }
}
