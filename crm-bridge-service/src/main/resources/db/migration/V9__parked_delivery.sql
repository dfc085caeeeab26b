-- Deliveries of every provider (Zendesk events, Twilio callbacks) whose handling waits for the helpdesk
-- (429 with Retry-After, 5xx or timeouts after the adapter's retries) are parked in one table, renamed from
-- the Twilio-only call_callback_parked (V7); rows parked before keep waiting. Keyed by the delivery's event id
-- (a redelivery parks once); parked_at tells the age of the oldest waiting delivery.
alter table call_callback_parked rename to parked_delivery;
alter index call_callback_parked_due rename to parked_delivery_due;
