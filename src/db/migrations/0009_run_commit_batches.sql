-- Group commit of run drivers: the batches of several runs, applied in one call and one commit.
-- `bs` is a JSON array of batches (see src/engine/run-commit.ts); each batch is one run's. A batch
-- whose driver no longer holds the run's lease writes nothing and comes back as {"lost": true}; the
-- other batches of the call are applied all the same. PL/pgSQL keeps the plans of these statements
-- per connection. Keys absent from a "set" object leave that column unchanged.
-- The answer is one small JSON object per batch, in order: the run's columns a driver needs (not
-- its definition or input, which it has), so a commit does not send the workflow back every time.
DROP FUNCTION IF EXISTS foundry_commit_batch(jsonb);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION foundry_commit_batches(bs jsonb) RETURNS SETOF jsonb
LANGUAGE plpgsql AS $$
DECLARE
  b jsonb;
  i int;
  r workflow_runs;
  k int;
  t jsonb;
  moved boolean;
  u record;
  a record;
  l record;
BEGIN
  FOR i IN 0 .. jsonb_array_length(bs) - 1 LOOP
    b := bs->i;
    k := jsonb_array_length(b->'finished');
    t := b->'transition';
    moved := false;

    -- The lease is extended by the driver's heartbeat, not here: lease_expires_at is indexed, and
    -- leaving it alone keeps this per-step update a HOT update.
    UPDATE workflow_runs SET
      updated_at = now(),
      steps_done = steps_done + k,
      steps_total = steps_total + (b->>'totalDelta')::int
    WHERE id = (b->>'runId')::uuid AND lease_owner = b->>'token'
    RETURNING * INTO r;
    IF NOT FOUND THEN
      RETURN NEXT jsonb_build_object('lost', true);
      CONTINUE;
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

    IF jsonb_array_length(b->'newSteps') > 0 THEN
      INSERT INTO workflow_steps (id, run_id, workspace_id, node_id, item_index, status, input)
      SELECT x.id, r.id, r.workspace_id, x."nodeId", x."itemIndex", x.status, x.input
      FROM jsonb_to_recordset(b->'newSteps') AS x(id uuid, "nodeId" text, "itemIndex" int, status text, input jsonb);
    END IF;

    -- Row by row, by primary key: a join with the JSON rows would be planned as a scan of the table.
    FOR u IN SELECT * FROM jsonb_to_recordset(b->'stepUpdates') AS x(id uuid, s jsonb, seq int) LOOP
      UPDATE workflow_steps SET
        status = COALESCE(u.s->>'status', status),
        attempts = COALESCE((u.s->>'attempts')::int, attempts),
        compensation_attempts = COALESCE((u.s->>'compensationAttempts')::int, compensation_attempts),
        input = CASE WHEN u.s ? 'input' THEN u.s->'input' ELSE input END,
        output = CASE WHEN u.s ? 'output' THEN u.s->'output' ELSE output END,
        error = CASE WHEN u.s ? 'error' THEN u.s->'error' ELSE error END,
        branch = CASE WHEN u.s ? 'branch' THEN u.s->>'branch' ELSE branch END,
        taken_edges = CASE WHEN u.s ? 'takenEdges' THEN u.s->'takenEdges' ELSE taken_edges END,
        due_at = CASE WHEN u.s ? 'dueAt' THEN (u.s->>'dueAt')::timestamptz ELSE due_at END,
        started_at = CASE WHEN u.s ? 'startedAt' THEN (u.s->>'startedAt')::timestamptz ELSE started_at END,
        finished_at = CASE WHEN u.s ? 'finishedAt' THEN (u.s->>'finishedAt')::timestamptz ELSE finished_at END,
        completed_seq = CASE WHEN u.seq IS NOT NULL THEN r.steps_done - k + u.seq ELSE completed_seq END,
        updated_at = now()
      WHERE id = u.id AND run_id = r.id;
    END LOOP;

    IF jsonb_array_length(b->'attempts') > 0 THEN
      INSERT INTO workflow_attempts (run_id, step_id, workspace_id, purpose, number, status, idempotency_key, input, worker_id, started_at)
      SELECT r.id, x."stepId", r.workspace_id, x.purpose, x.number, x.status, x."idempotencyKey", x.input, x."workerId", x."startedAt"
      FROM jsonb_to_recordset(b->'attempts') AS x("stepId" uuid, purpose text, number int, status text, "idempotencyKey" text, input jsonb, "workerId" text, "startedAt" timestamptz);
    END IF;

    FOR a IN SELECT * FROM jsonb_to_recordset(b->'attemptUpdates') AS x("stepId" uuid, number int, purpose text, s jsonb) LOOP
      UPDATE workflow_attempts SET
        status = COALESCE(a.s->>'status', status),
        output = CASE WHEN a.s ? 'output' THEN a.s->'output' ELSE output END,
        error = CASE WHEN a.s ? 'error' THEN a.s->'error' ELSE error END,
        cost_usd = CASE WHEN a.s ? 'costUsd' THEN (a.s->>'costUsd')::double precision ELSE cost_usd END,
        finished_at = CASE WHEN a.s ? 'finishedAt' THEN (a.s->>'finishedAt')::timestamptz ELSE finished_at END
      WHERE step_id = a."stepId" AND number = a.number AND purpose = a.purpose;
    END LOOP;

    FOR l IN SELECT * FROM jsonb_to_recordset(b->'locks') AS x(key text, holder uuid) LOOP
      DELETE FROM workflow_locks WHERE workspace_id = r.workspace_id AND key = l.key AND holder = l.holder;
    END LOOP;

    -- Run events stand only if their transition happened; they carry the progress after this batch.
    IF jsonb_array_length(b->'events') > 0 THEN
      INSERT INTO workflow_run_events (run_id, workspace_id, type, node_id, item_index, data)
      SELECT r.id, r.workspace_id, e.type, e."nodeId", e."itemIndex",
        CASE WHEN e.type LIKE 'run.%' THEN COALESCE(e.data, '{}'::jsonb) || jsonb_build_object('progress', jsonb_build_object('done', r.steps_done, 'total', r.steps_total))
             ELSE COALESCE(e.data, '{}'::jsonb) END
      FROM jsonb_to_recordset(b->'events') AS e(ord int, type text, "nodeId" text, "itemIndex" int, data jsonb)
      WHERE e.type NOT LIKE 'run.%' OR t IS NULL OR moved
      ORDER BY e.ord;
    END IF;

    -- The event bus channel (src/db/pg-event-bus.ts): delivered to every process at commit.
    IF b->>'notify' IS NOT NULL THEN
      PERFORM pg_notify('foundry_events', b->>'notify');
    END IF;

    RETURN NEXT jsonb_build_object(
      'lost', false, 'status', r.status, 'stepsDone', r.steps_done, 'stepsTotal', r.steps_total, 'error', r.error,
      'leaseOwner', r.lease_owner, 'startedAt', r.started_at, 'finishedAt', r.finished_at, 'wakeAt', r.wake_at,
      'updatedAt', r.updated_at, 'output', CASE WHEN moved THEN r.output END);
  END LOOP;
END
$$;
