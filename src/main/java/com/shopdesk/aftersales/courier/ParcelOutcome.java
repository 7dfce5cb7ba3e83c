package com.shopdesk.aftersales.courier;

/**
 * Where an interception stands: the parcel is coming back, it reached the buyer, or no word yet. AT_STATION
 * decides nothing: the parcel is at the buyer's local station, so a buyer can refuse it there.
 */
public enum ParcelOutcome {
  STOPPED, NOT_STOPPED, AT_STATION, NONE;

  /** STOPPED or NOT_STOPPED: the parcel's way is settled. */
  public boolean decisive() {
    return this == STOPPED || this == NOT_STOPPED;
  }
}
