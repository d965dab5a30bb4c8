-- One commit of a run driver, applied in one call: the hot path of the workflow engine.
-- `b` is the batch as JSON (see src/engine/run-batch-sql.ts). Nothing is written unless the caller
-- still holds the run's lease: a driver that lost it gets LEASE_LOST and the call rolls back.
-- PL/pgSQL keeps the plans of these statements per connection, so a batch costs one round trip
-- and no parsing or planning. Keys absent from a "set" object leave that column unchanged.
CREATE OR REPLACE FUNCTION foundry_commit_batch(b jsonb) RETURNS SETOF workflow_runs
LANGUAGE plpgsql AS $$
DECLARE
  r workflow_runs;
  k int := jsonb_array_length(b->'finished');
  t jsonb := b->'transition';
  moved boolean := false;
BEGIN
  -- The lease is extended by the driver's heartbeat, not here: lease_expires_at is indexed, and
  -- leaving it alone keeps this per-step update a HOT update.
  UPDATE workflow_runs SET
    updated_at = now(),
    steps_done = steps_done + k,
    steps_total = steps_total + (b->>'totalDelta')::int
  WHERE id = (b->>'runId')::uuid AND lease_owner = b->>'token'
  RETURNING * INTO r;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'LEASE_LOST on run %', b->>'runId';
  END IF;

  IF t IS NOT NULL AND r.status = ANY (ARRAY(SELECT jsonb_array_elements_text(t->'sources'))) THEN
    UPDATE workflow_runs SET
      status = t->>'target',
      started_at = CASE WHEN t->'set' ? 'startedAt' THEN (t->'set'->>'startedAt')::timestamptz ELSE started_at END,
      finished_at = CASE WHEN t->'set' ? 'finishedAt' THEN (t->'set'->>'finishedAt')::timestamptz ELSE finished_at END,
      wake_at = CASE WHEN t->'set' ? 'wakeAt' THEN (t->'set'->>'wakeAt')::timestamptz ELSE wake_at END,
      output = CASE WHEN t->'set' ? 'output' THEN t->'set'->'output' ELSE output END,
      error = CASE WHEN t->'set' ? 'error' THEN t->'set'->'error' ELSE error END,
      lease_owner = CASE WHEN (t->>'release')::boolean THEN NULL ELSE lease_owner END,
      lease_expires_at = CASE WHEN (t->>'release')::boolean THEN NULL ELSE lease_expires_at END
    WHERE id = r.id
    RETURNING * INTO r;
    moved := true;
  END IF;

  INSERT INTO workflow_steps (id, run_id, workspace_id, node_id, item_index, status, input)
  SELECT x.id, r.id, r.workspace_id, x."nodeId", x."itemIndex", x.status, x.input
  FROM jsonb_to_recordset(b->'newSteps') AS x(id uuid, "nodeId" text, "itemIndex" int, status text, input jsonb);

  UPDATE workflow_steps s SET
    status = COALESCE(u.s->>'status', s.status),
    attempts = COALESCE((u.s->>'attempts')::int, s.attempts),
    compensation_attempts = COALESCE((u.s->>'compensationAttempts')::int, s.compensation_attempts),
    input = CASE WHEN u.s ? 'input' THEN u.s->'input' ELSE s.input END,
    output = CASE WHEN u.s ? 'output' THEN u.s->'output' ELSE s.output END,
    error = CASE WHEN u.s ? 'error' THEN u.s->'error' ELSE s.error END,
    branch = CASE WHEN u.s ? 'branch' THEN u.s->>'branch' ELSE s.branch END,
    taken_edges = CASE WHEN u.s ? 'takenEdges' THEN u.s->'takenEdges' ELSE s.taken_edges END,
    due_at = CASE WHEN u.s ? 'dueAt' THEN (u.s->>'dueAt')::timestamptz ELSE s.due_at END,
    started_at = CASE WHEN u.s ? 'startedAt' THEN (u.s->>'startedAt')::timestamptz ELSE s.started_at END,
    finished_at = CASE WHEN u.s ? 'finishedAt' THEN (u.s->>'finishedAt')::timestamptz ELSE s.finished_at END,
    completed_seq = CASE WHEN u.seq IS NOT NULL THEN r.steps_done - k + u.seq ELSE s.completed_seq END,
    updated_at = now()
  FROM jsonb_to_recordset(b->'stepUpdates') AS u(id uuid, s jsonb, seq int)
  WHERE s.id = u.id AND s.run_id = r.id;

  INSERT INTO workflow_attempts (run_id, step_id, workspace_id, purpose, number, status, idempotency_key, input, worker_id, started_at)
  SELECT r.id, x."stepId", r.workspace_id, x.purpose, x.number, x.status, x."idempotencyKey", x.input, x."workerId", x."startedAt"
  FROM jsonb_to_recordset(b->'attempts') AS x("stepId" uuid, purpose text, number int, status text, "idempotencyKey" text, input jsonb, "workerId" text, "startedAt" timestamptz);

  UPDATE workflow_attempts a SET
    status = COALESCE(u.s->>'status', a.status),
    output = CASE WHEN u.s ? 'output' THEN u.s->'output' ELSE a.output END,
    error = CASE WHEN u.s ? 'error' THEN u.s->'error' ELSE a.error END,
    cost_usd = CASE WHEN u.s ? 'costUsd' THEN (u.s->>'costUsd')::double precision ELSE a.cost_usd END,
    finished_at = CASE WHEN u.s ? 'finishedAt' THEN (u.s->>'finishedAt')::timestamptz ELSE a.finished_at END
  FROM jsonb_to_recordset(b->'attemptUpdates') AS u("stepId" uuid, number int, purpose text, s jsonb)
  WHERE a.step_id = u."stepId" AND a.number = u.number AND a.purpose = u.purpose AND a.run_id = r.id;

  DELETE FROM workflow_locks l
  USING jsonb_to_recordset(b->'locks') AS x(key text, holder uuid)
  WHERE l.workspace_id = r.workspace_id AND l.key = x.key AND l.holder = x.holder;

  -- Run events stand only if their transition happened; they carry the progress after this batch.
  INSERT INTO workflow_run_events (run_id, workspace_id, type, node_id, item_index, data)
  SELECT r.id, r.workspace_id, e.type, e."nodeId", e."itemIndex",
    CASE WHEN e.type LIKE 'run.%' THEN COALESCE(e.data, '{}'::jsonb) || jsonb_build_object('progress', jsonb_build_object('done', r.steps_done, 'total', r.steps_total))
         ELSE COALESCE(e.data, '{}'::jsonb) END
  FROM jsonb_to_recordset(b->'events') AS e(ord int, type text, "nodeId" text, "itemIndex" int, data jsonb)
  WHERE e.type NOT LIKE 'run.%' OR t IS NULL OR moved
  ORDER BY e.ord;

  -- The event bus channel (src/db/pg-event-bus.ts): delivered to every process at commit.
  IF b->>'notify' IS NOT NULL THEN
    PERFORM pg_notify('foundry_events', b->>'notify');
  END IF;

  RETURN NEXT r;
END
$$;
