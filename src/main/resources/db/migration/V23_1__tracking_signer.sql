-- Who signed for a delivered parcel, as the courier recorded it (签收人); null when the courier named nobody.
-- Versioned 23.1 so it sits beside any V23 another change adds.
ALTER TABLE tracking_events ADD COLUMN signer VARCHAR(64);
ALTER TABLE sandbox_courier_parcels ADD COLUMN last_signer VARCHAR(64);
