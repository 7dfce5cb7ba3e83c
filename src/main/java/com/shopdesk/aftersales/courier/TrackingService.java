package com.shopdesk.aftersales.courier;

import java.util.List;

/**
 * A tracking service (快递100 and the like): follows parcels of every courier and pushes their scans to the desk.
 * Chosen by {@code aftersales.adapters.tracking}: the sandbox, or {@code kuaidi100}.
 */
public interface TrackingService {

  /**
   * Whether a parcel must be subscribed to before its scans are pushed. The sandbox pushes every scan it sees; a
   * real service pushes only the parcels it was asked to follow ({@link TrackingSubscriptions}).
   */
  boolean needsSubscription();

  /** Asks the service to push this parcel's scans from now on; asking again for the same parcel is harmless. */
  void subscribe(String carrier, String trackingNo);

  /** The parcel's scans as the service knows them now, oldest first; empty when it knows none. */
  List<TrackingEvent> track(String carrier, String trackingNo);
}
