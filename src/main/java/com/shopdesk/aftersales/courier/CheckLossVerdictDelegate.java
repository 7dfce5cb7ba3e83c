package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Before waiting for the courier's loss verdict: was LOST or FOUND reported already? Sets {@code lossVerdict}. */
@Component
public class CheckLossVerdictDelegate implements JavaDelegate {
  private final TrackingEvents events;

  public CheckLossVerdictDelegate(TrackingEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    String verdict = events.ofParcel(vars.carrier(), vars.trackingNo()).stream()
        .map(TrackingEvent::event)
        .filter(e -> e == CourierEvent.LOST || e == CourierEvent.FOUND)
        .reduce((first, later) -> later)
        .map(Enum::name)
        .orElse("NONE");
    vars.lossVerdict(verdict);
  }
}
