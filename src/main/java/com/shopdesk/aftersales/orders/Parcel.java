package com.shopdesk.aftersales.orders;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One parcel of an order, as stored in the shipments table; returns carry the fee the buyer paid. A parcel no
 * courier collected may have been withdrawn by the warehouse.
 */
public record Parcel(ShipmentKind kind, String carrier, String trackingNo, OffsetDateTime shippedAt, String caseNo,
    BigDecimal shippingFee, OffsetDateTime withdrawnAt) {}
