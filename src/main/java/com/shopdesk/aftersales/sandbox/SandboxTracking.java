package com.shopdesk.aftersales.sandbox;

import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.courier.TrackingService;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The sandbox's tracking service: the sandbox courier's own scans, pushed as they happen
 * ({@code POST /sandbox/courier/scan}), so no parcel needs subscribing.
 */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.tracking", havingValue = "sandbox", matchIfMissing = true)
public class SandboxTracking implements TrackingService {
  private final SandboxCourier courier;

  public SandboxTracking(SandboxCourier courier) {
    this.courier = courier;
  }

  @Override
  public boolean needsSubscription() {
    return false;
  }

  @Override
  public void subscribe(String carrier, String trackingNo) {
    // the sandbox courier pushes every scan of every parcel
  }

  @Override
  public List<TrackingEvent> track(String carrier, String trackingNo) {
    return courier.track(carrier, trackingNo).stream().toList();
  }
}
