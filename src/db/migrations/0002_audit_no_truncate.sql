-- TRUNCATE bypasses row triggers; refuse it as well, so the audit log stays append-only.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION foundry_audit_events_append_only();
