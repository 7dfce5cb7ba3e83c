-- The sandbox courier records an interception called off because the buyer withdrew the request.
ALTER TABLE sandbox_courier_parcels ADD COLUMN intercept_called_off_at TIMESTAMP;
