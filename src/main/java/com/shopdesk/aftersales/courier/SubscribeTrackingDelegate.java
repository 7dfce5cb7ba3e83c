package com.shopdesk.aftersales.courier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the tracking service to push the parcel's scans ({@code carrier}, {@code trackingNo}). */
@Component
public class SubscribeTrackingDelegate implements JavaDelegate {
  private final TrackingService tracking;

  public SubscribeTrackingDelegate(TrackingService tracking) {
    this.tracking = tracking;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ParcelTrackingVariables parcel = ParcelTrackingVariables.of(execution);
    tracking.subscribe(parcel.carrier(), parcel.trackingNo());
  }
}
