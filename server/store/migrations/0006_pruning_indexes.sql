-- Pruning (server/services/upkeep.py) finds old bookkeeping by time, a batch at a time: index those times.
CREATE INDEX sync_ops_created ON sync_ops (created_at);
CREATE INDEX webhook_deliveries_settled ON webhook_deliveries (status, updated_at);
CREATE INDEX uploads_untouched ON uploads (status, updated_at);
