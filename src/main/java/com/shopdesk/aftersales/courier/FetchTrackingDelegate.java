package com.shopdesk.aftersales.courier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fetches what the tracking service knows of a parcel it had stopped following and takes each scan as if pushed
 * ({@link CourierEventService}: stored once, handed to the processes waiting for it), so nothing in the gap is missed.
 */
@Component
public class FetchTrackingDelegate implements JavaDelegate {
  private final TrackingService tracking;
  private final CourierEventService courierEvents;

  public FetchTrackingDelegate(TrackingService tracking, CourierEventService courierEvents) {
    this.tracking = tracking;
    this.courierEvents = courierEvents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ParcelTrackingVariables parcel = ParcelTrackingVariables.of(execution);
    tracking.track(parcel.carrier(), parcel.trackingNo())
        .forEach(courierEvents::receive);
  }
}
