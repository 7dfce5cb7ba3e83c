-- The platform's word that the 7-day no-reason return window of a delivered order has closed, for orders it
-- reports delivered without a sign-off time (with one, the desk counts 7 × 24 hours from it).
ALTER TABLE orders ADD COLUMN return_window_closed BOOLEAN;
