package com.shopdesk.aftersales.orders;

public enum ShipmentKind {
  OUTBOUND, RETURN, RESHIP, REPLACEMENT
}
