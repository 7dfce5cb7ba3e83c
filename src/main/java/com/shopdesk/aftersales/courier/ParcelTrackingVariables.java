package com.shopdesk.aftersales.courier;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The variables of the process {@code parcel-tracking} (跟踪包裹): the parcel, whether the service had stopped
 * following it ({@code followAgain}) and why, in the service's words ({@code lostBecause}).
 */
record ParcelTrackingVariables(String carrier, String trackingNo) {
  static final String CARRIER = "carrier";
  static final String TRACKING_NO = "trackingNo";
  static final String FOLLOW_AGAIN = "followAgain";
  static final String LOST_BECAUSE = "lostBecause";

  static ParcelTrackingVariables of(DelegateExecution execution) {
    return new ParcelTrackingVariables((String) execution.getVariable(CARRIER),
        (String) execution.getVariable(TRACKING_NO));
  }

  static Map<String, Object> start(String carrier, String trackingNo, boolean again, String why) {
    return Map.of(CARRIER, carrier, TRACKING_NO, trackingNo, FOLLOW_AGAIN, again, LOST_BECAUSE, why == null ? "" : why);
  }
}
