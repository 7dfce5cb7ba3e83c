package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reads the tracking events already stored for the case's parcel, so an answer the courier pushed before
 * the process started waiting is not missed. Sets {@code parcelOutcome}: STOPPED or NOT_STOPPED (the latest
 * event that settles the parcel's way), else AT_STATION once it reached the buyer's station, else NONE.
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
    TrackingEvent atStation = null;
    for (TrackingEvent e : stored) {
      if (e.event().interceptionOutcome().decisive()) {
        decisive = e;
      } else if (e.event().interceptionOutcome() == ParcelOutcome.AT_STATION) {
        atStation = e;
      }
    }
    if (decisive == null) {
      decisive = atStation;
    }
    TrackingEvent shown = decisive != null ? decisive : stored.isEmpty() ? null : stored.get(stored.size() - 1);
    vars.parcelOutcome(
        decisive == null ? ParcelOutcome.NONE.name() : decisive.event().interceptionOutcome().name(),
        shown == null ? "暂无物流信息" : shown.describe());
  }
}
