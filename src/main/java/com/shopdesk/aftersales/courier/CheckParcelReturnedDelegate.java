package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before waiting for an intercepted or refused parcel to come back: did the courier report it back with the shop
 * (RETURNED, 退签) already? Sets {@code parcelReturned} and {@code latestTracking}.
 */
@Component
public class CheckParcelReturnedDelegate implements JavaDelegate {
  private final TrackingEvents events;

  public CheckParcelReturnedDelegate(TrackingEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    List<TrackingEvent> stored = events.ofParcel(vars.carrier(), vars.trackingNo());
    vars.parcelReturned(stored.stream().anyMatch(e -> e.event() == CourierEvent.RETURNED),
        stored.isEmpty() ? "暂无物流信息" : stored.get(stored.size() - 1).describe());
  }
}
