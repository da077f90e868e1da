-- The events' indexes, fitted to what reads them.
-- Pruning old events (server/services/upkeep.py) deletes them after their webhook deliveries. Each deleted
-- event's foreign-key check looks for deliveries by `event_seq` alone, which no index led with: a scan of
-- every delivery per event (0.3 s a batch of 2,000 against 10,000 deliveries).
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_seq);
-- Nothing reads events by run (streams read by org, deliveries by seq, `Last-Event-ID` by id), and every
-- event, one per answer and per photo of a drain, paid for this index on the hottest insert there is.
DROP INDEX events_run;
