package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the courier for the parcel's tracking now (a push may have been missed) and stores what it says,
 * setting {@code latestEvent} (e.g. DELIVERED, or NONE), {@code parcelOutcome} (what it means for an
 * interception) and {@code latestTracking} (for the agent's form). Optional input {@code carrier}: ask under this
 * carrier code instead of the case's (a postal parcel looked up as 邮政, {@code ${postalCarrier}}).
 */
@Component
public class QueryTrackingDelegate implements JavaDelegate {
  private final TrackingService tracking;
  private final TrackingEvents events;
  private final CaseTimeline timeline;

  public QueryTrackingDelegate(TrackingService tracking, TrackingEvents events, CaseTimeline timeline) {
    this.tracking = tracking;
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    List<TrackingEvent> scans = tracking.track(vars.carrier(), vars.trackingNo());
    scans.forEach(scan -> events.store(scan).ifPresent(events::markDelivered));
    Optional<TrackingEvent> latest = scans.isEmpty() ? Optional.empty() : Optional.of(scans.get(scans.size() - 1));
    vars.latestEvent(latest.map(e -> e.event().name()).orElse("NONE"));
    vars.parcelOutcome(
        latest.map(e -> e.event().interceptionOutcome()).orElse(ParcelOutcome.NONE).name(),
        latest.map(TrackingEvent::describe).orElse("快递查询无物流信息"));
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP,
        "查询物流：" + latest.map(TrackingEvent::describe).orElse("无物流信息"), null);
  }
}
