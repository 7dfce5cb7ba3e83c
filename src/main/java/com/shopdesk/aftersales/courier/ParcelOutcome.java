package com.shopdesk.aftersales.courier;

/** Where an interception stands: the parcel is coming back, it reached the buyer, or no word yet. */
public enum ParcelOutcome {
  STOPPED, NOT_STOPPED, NONE
}
