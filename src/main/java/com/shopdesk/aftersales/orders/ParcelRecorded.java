package com.shopdesk.aftersales.orders;

/**
 * A parcel got its tracking number in the shop's records (outbound, reshipment, replacement or the buyer's return),
 * published within the transaction that recorded it.
 */
public record ParcelRecorded(String orderNo, ShipmentKind kind, String carrier, String trackingNo) {}
