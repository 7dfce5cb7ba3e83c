package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the courier for the parcel's tracking now (a push may have been missed) and stores what it says,
 * setting {@code latestEvent} (e.g. DELIVERED, or NONE), {@code parcelOutcome} (what it means for an
 * interception) and {@code latestTracking} (for the agent's form).
 */
@Component
public class QueryTrackingDelegate implements JavaDelegate {
  private final CourierGateway courier;
  private final TrackingEvents events;
  private final CaseTimeline timeline;

  public QueryTrackingDelegate(CourierGateway courier, TrackingEvents events, CaseTimeline timeline) {
    this.courier = courier;
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    Optional<TrackingEvent> latest = courier.track(vars.carrier(), vars.trackingNo());
    latest.flatMap(events::store).ifPresent(events::markDelivered);
    vars.latestEvent(latest.map(e -> e.event().name()).orElse("NONE"));
    vars.parcelOutcome(
        latest.map(e -> e.event().interceptionOutcome()).orElse(ParcelOutcome.NONE).name(),
        latest.map(TrackingEvent::describe).orElse("快递查询无物流信息"));
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP,
        "查询物流：" + latest.map(TrackingEvent::describe).orElse("无物流信息"), null);
  }
}
