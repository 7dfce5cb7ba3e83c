package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Takes the answer of the carrier's station an agent entered (联系网点拦截) as the courier's answer would come: a
 * parcel the station stopped is stored as INTERCEPTED, one it could not stop as INTERCEPT_FAILED, so the case goes on
 * as after a pushed scan; a station that only took the request on leaves the case waiting for the parcel's scans.
 * Whenever the station acted, a withdrawal later asks it to call the interception off.
 */
@Component
public class RecordStationAnswerDelegate implements JavaDelegate {
  private final TrackingEvents events;
  private final CaseTimeline timeline;

  public RecordStationAnswerDelegate(TrackingEvents events, CaseTimeline timeline) {
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    String answer = vars.stationAnswer();
    CourierEvent event = switch (answer) {
      case "STOPPED" -> CourierEvent.INTERCEPTED;
      case "NOT_STOPPED" -> CourierEvent.INTERCEPT_FAILED;
      case "ACCEPTED" -> null;
      default -> throw new IllegalArgumentException("stationAnswer " + answer + " is not STOPPED, NOT_STOPPED or ACCEPTED");
    };
    if (event != null) {
      events.store(new TrackingEvent(vars.carrier(), vars.trackingNo(), event, OffsetDateTime.now()))
          .ifPresent(events::markDelivered);
    }
    if (event != CourierEvent.INTERCEPT_FAILED) {
      vars.interceptionRequestedAtStation();
    }
    String said = switch (answer) {
      case "STOPPED" -> "网点已拦下包裹";
      case "NOT_STOPPED" -> "网点无法拦截（已派送）";
      default -> "网点已受理拦截，等待物流结果";
    };
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "联系网点拦截 " + Carriers.parcel(vars.carrier(),
        vars.trackingNo()) + "：" + said + "（" + vars.stationNote() + "）", null);
  }
}
