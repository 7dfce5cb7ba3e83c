package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.orders.ParcelRecorded;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Has the tracking service follow every parcel the shop records, through the process {@code parcel-tracking}
 * (跟踪包裹): its subscription is an asynchronous step with retries that ends as an incident in Cockpit when the
 * service refuses, and it is started in the transaction that recorded the parcel, so no parcel is left unfollowed.
 * When the service gives up on a parcel (no scan for days), the process follows it again after
 * {@code aftersales.deadlines.tracking-resubscribe}, first fetching what the service knows, at most
 * {@value #MOST_FOLLOWS} times per parcel and never once the parcel was delivered or came back.
 */
@Component
public class TrackingSubscriptions {
  static final String PROCESS = "parcel-tracking";
  static final int MOST_FOLLOWS = 4;
  private static final Logger log = LoggerFactory.getLogger(TrackingSubscriptions.class);

  private final TrackingService tracking;
  private final TrackingEvents events;
  private final RuntimeService runtime;
  private final HistoryService history;

  public TrackingSubscriptions(TrackingService tracking, TrackingEvents events, RuntimeService runtime,
      HistoryService history) {
    this.tracking = tracking;
    this.events = events;
    this.runtime = runtime;
    this.history = history;
  }

  @EventListener
  public void onParcelRecorded(ParcelRecorded parcel) {
    if (tracking.needsSubscription()) {
      follow(parcel.carrier(), parcel.trackingNo(), false, null);
    }
  }

  /** The service stopped following the parcel ({@code why}, in its words); follow it again unless it is done. */
  public void followAgain(String carrier, String trackingNo, String why) {
    boolean done = events.ofParcel(carrier, trackingNo).stream()
        .anyMatch(e -> e.event() == CourierEvent.DELIVERED || e.event() == CourierEvent.RETURNED);
    long followed = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(trackingNo).variableValueEquals(ParcelTrackingVariables.CARRIER, carrier).count();
    if (done || followed >= MOST_FOLLOWS) {
      log.info("Tracking service stopped following {} ({}); not following it again: {}",
          Carriers.parcel(carrier, trackingNo), why, done ? "it reached its end" : "followed " + followed + " times");
      return;
    }
    follow(carrier, trackingNo, true, why);
  }

  private void follow(String carrier, String trackingNo, boolean again, String why) {
    runtime.startProcessInstanceByKey(PROCESS, trackingNo, ParcelTrackingVariables.start(carrier, trackingNo, again, why));
  }
}
