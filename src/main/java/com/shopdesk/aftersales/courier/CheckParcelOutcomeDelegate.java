package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reads the tracking events already stored for the case's parcel, so an answer the courier pushed before
 * the process started waiting is not missed. Sets {@code parcelOutcome}: STOPPED, NOT_STOPPED or NONE.
 */
@Component
public class CheckParcelOutcomeDelegate implements JavaDelegate {
  private final TrackingEvents events;

  public CheckParcelOutcomeDelegate(TrackingEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    List<TrackingEvent> stored = events.ofParcel(vars.carrier(), vars.trackingNo());
    TrackingEvent decisive = null;
    for (TrackingEvent e : stored) {
      if (e.event().interceptionOutcome() != ParcelOutcome.NONE) {
        decisive = e;
      }
    }
    TrackingEvent shown = decisive != null ? decisive : stored.isEmpty() ? null : stored.get(stored.size() - 1);
    vars.parcelOutcome(
        decisive == null ? ParcelOutcome.NONE.name() : decisive.event().interceptionOutcome().name(),
        shown == null ? "暂无物流信息" : shown.describe());
  }
}
