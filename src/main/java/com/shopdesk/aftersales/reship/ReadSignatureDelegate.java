package com.shopdesk.aftersales.reship;

import com.shopdesk.aftersales.api.ShopTime;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.courier.TrackingEvents;
import com.shopdesk.aftersales.courier.TrackingService;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Signed for but not received": asks the tracking service for the parcel's scans now (a push may have been missed),
 * stores them, and takes the latest DELIVERED one: who signed (签收人, when the courier named someone) and when. Sets
 * {@code signedInTracking}, {@code signedBy} and {@code signedAtText} for the agent's form and the buyer's messages.
 */
@Component
public class ReadSignatureDelegate implements JavaDelegate {
  static final String NO_SIGNER = "快递未记录签收人";
  static final String NOT_SIGNED = "物流中没有签收记录";

  private final TrackingService tracking;
  private final TrackingEvents events;
  private final CaseTimeline timeline;

  public ReadSignatureDelegate(TrackingService tracking, TrackingEvents events, CaseTimeline timeline) {
    this.tracking = tracking;
    this.events = events;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    tracking.track(vars.carrier(), vars.trackingNo()).forEach(scan -> events.store(scan).ifPresent(events::markDelivered));
    Optional<TrackingEvent> delivery = events.latestDelivery(vars.carrier(), vars.trackingNo());
    String signedBy = delivery.map(TrackingEvent::signer).orElse(NO_SIGNER);
    if (signedBy == null) {
      signedBy = NO_SIGNER;
    }
    String signedAt = delivery.map(e -> ShopTime.minutes(e.at())).orElse(NOT_SIGNED);
    ReshipVariables.of(execution).signature(delivery.isPresent(), signedBy, signedAt);
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "查询签收：" + Carriers.parcel(vars.carrier(), vars.trackingNo())
        + (delivery.isPresent() ? " 于 " + signedAt + " 签收，签收人：" + signedBy : "，" + NOT_SIGNED), null);
  }
}
