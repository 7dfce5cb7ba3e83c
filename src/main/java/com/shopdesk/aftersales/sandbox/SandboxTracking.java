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
  private final SandboxDatabase db;

  public SandboxTracking(SandboxCourier courier, SandboxDatabase db) {
    this.courier = courier;
    this.db = db;
  }

  @Override
  public boolean needsSubscription() {
    return false;
  }

  @Override
  public void subscribe(String carrier, String trackingNo) {
    // the sandbox courier pushes every scan of every parcel anyway; it remembers who asked, as a real service would
    db.run(() -> {
      if (!subscribed(carrier, trackingNo)) {
        db.jdbc().update("INSERT INTO sandbox_tracking_subscriptions (carrier, tracking_no, subscribed_at) VALUES (?, ?, ?)",
            carrier, trackingNo, java.sql.Timestamp.from(java.time.Instant.now()));
      }
    });
  }

  /** Whether the desk asked to follow this parcel. */
  public boolean subscribed(String carrier, String trackingNo) {
    Integer n = db.jdbc().queryForObject("SELECT COUNT(*) FROM sandbox_tracking_subscriptions WHERE carrier = ? "
        + "AND tracking_no = ?", Integer.class, carrier, trackingNo);
    return n != null && n > 0;
  }

  @Override
  public List<TrackingEvent> track(String carrier, String trackingNo) {
    return courier.track(carrier, trackingNo).stream().toList();
  }
}
