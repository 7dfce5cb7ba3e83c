package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseVariables;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Has the parcel been scanned? Any stored tracking event counts, or with {@code watchSince} set, any event
 * received since then (a stalled parcel must move again). Sets {@code pickedUp} and {@code latestTracking}.
 */
@Component
public class CheckParcelMovedDelegate implements JavaDelegate {
  private final TrackingEvents events;

  public CheckParcelMovedDelegate(TrackingEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    Date since = (Date) execution.getVariable("watchSince");
    List<TrackingEvent> moved = events.receivedSince(vars.carrier(), vars.trackingNo(),
        since == null ? Instant.EPOCH : since.toInstant());
    vars.parcelMoved(!moved.isEmpty(), moved.isEmpty() ? "暂无新的物流信息" : moved.get(moved.size() - 1).describe());
  }
}
