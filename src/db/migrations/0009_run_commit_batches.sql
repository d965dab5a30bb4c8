-- Group commit of run drivers: the batches of several runs, applied in one call and one commit.
-- `bs` is a JSON array of batches (see src/engine/run-commit.ts); each batch is one run's. A batch
-- whose driver no longer holds the run's lease writes nothing and comes back as {"lost": true}; the
-- other batches of the call are applied all the same. PL/pgSQL keeps the plans of these statements
-- per connection. Keys absent from a "set" object leave that column unchanged.
-- The answer is one small JSON object per batch, in order: the run's columns a driver needs (not
-- its definition or input, which it has), so a commit does not send the workflow back every time.
-- Each run's row is fenced and moved batch by batch; the rest (steps, attempts, locks, events,
-- notices) is written for all the applied batches at once, a statement per kind of row, so a call
-- costs a few statements more than a batch does instead of ten per batch. Those statements join
-- the JSON rows with the tables by key: hash and merge joins, or a scan, are turned off for the
-- function so the plan stays index lookups however the estimates go.
DROP FUNCTION IF EXISTS foundry_commit_batch(jsonb);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION foundry_commit_batches(bs jsonb) RETURNS SETOF jsonb
LANGUAGE plpgsql
SET enable_hashjoin = off SET enable_mergejoin = off SET enable_seqscan = off
AS $$
DECLARE
  b jsonb;
  i int;
  -- Only the columns needed: a whole row would bring the run's definition back from TOAST.
  r record;
  k int;
  t jsonb;
  moved boolean;
  -- One entry per applied batch: its index, run, workspace, progress after it, and whether its run.* events stand.
  applied jsonb := '[]'::jsonb;
  answers jsonb[] := '{}';
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
    RETURNING id, workspace_id, status, steps_done, steps_total, error, lease_owner, started_at, finished_at, wake_at, updated_at, NULL::jsonb AS output INTO r; -- the output only with a transition
    IF NOT FOUND THEN
      answers := answers || jsonb_build_object('lost', true);
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
      RETURNING id, workspace_id, status, steps_done, steps_total, error, lease_owner, started_at, finished_at, wake_at, updated_at, output INTO r;
      moved := true;
    END IF;

    applied := applied || jsonb_build_object('i', i, 'run', r.id, 'ws', r.workspace_id, 'done', r.steps_done, 'total', r.steps_total, 'k', k, 'runEvents', t IS NULL OR moved);
    answers := answers || jsonb_build_object(
      'lost', false, 'status', r.status, 'stepsDone', r.steps_done, 'stepsTotal', r.steps_total, 'error', r.error,
      'leaseOwner', r.lease_owner, 'startedAt', r.started_at, 'finishedAt', r.finished_at, 'wakeAt', r.wake_at,
      'updatedAt', r.updated_at, 'output', r.output);
  END LOOP;

  -- Before the step updates: a map's new item steps may start in the same batch.
  INSERT INTO workflow_steps (id, run_id, workspace_id, node_id, item_index, status, input)
  SELECT x.id, a.run, a.ws, x."nodeId", x."itemIndex", x.status, x.input
  FROM jsonb_to_recordset(applied) AS a(i int, run uuid, ws uuid),
    jsonb_to_recordset(bs->a.i->'newSteps') AS x(id uuid, "nodeId" text, "itemIndex" int, status text, input jsonb);

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
    completed_seq = CASE WHEN u.seq IS NOT NULL THEN a.done - a.k + u.seq ELSE s.completed_seq END,
    updated_at = now()
  FROM jsonb_to_recordset(applied) AS a(i int, run uuid, done int, k int),
    jsonb_to_recordset(bs->a.i->'stepUpdates') AS u(id uuid, s jsonb, seq int)
  WHERE s.id = u.id AND s.run_id = a.run;

  INSERT INTO workflow_attempts (run_id, step_id, workspace_id, purpose, number, status, idempotency_key, input, worker_id, started_at)
  SELECT a.run, x."stepId", a.ws, x.purpose, x.number, x.status, x."idempotencyKey", x.input, x."workerId", x."startedAt"
  FROM jsonb_to_recordset(applied) AS a(i int, run uuid, ws uuid),
    jsonb_to_recordset(bs->a.i->'attempts') AS x("stepId" uuid, purpose text, number int, status text, "idempotencyKey" text, input jsonb, "workerId" text, "startedAt" timestamptz);

  UPDATE workflow_attempts w SET
    status = COALESCE(x.s->>'status', w.status),
    output = CASE WHEN x.s ? 'output' THEN x.s->'output' ELSE w.output END,
    error = CASE WHEN x.s ? 'error' THEN x.s->'error' ELSE w.error END,
    cost_usd = CASE WHEN x.s ? 'costUsd' THEN (x.s->>'costUsd')::double precision ELSE w.cost_usd END,
    finished_at = CASE WHEN x.s ? 'finishedAt' THEN (x.s->>'finishedAt')::timestamptz ELSE w.finished_at END
  FROM jsonb_to_recordset(applied) AS a(i int, run uuid),
    jsonb_to_recordset(bs->a.i->'attemptUpdates') AS x("stepId" uuid, number int, purpose text, s jsonb)
  WHERE w.step_id = x."stepId" AND w.number = x.number AND w.purpose = x.purpose AND w.run_id = a.run;

  DELETE FROM workflow_locks w
  USING jsonb_to_recordset(applied) AS a(i int, ws uuid), jsonb_to_recordset(bs->a.i->'locks') AS x(key text, holder uuid)
  WHERE w.workspace_id = a.ws AND w.key = x.key AND w.holder = x.holder;

  -- Run events stand only if their transition happened; they carry the progress after the batch.
  INSERT INTO workflow_run_events (run_id, workspace_id, type, node_id, item_index, data)
  SELECT a.run, a.ws, e.type, e."nodeId", e."itemIndex",
    CASE WHEN e.type LIKE 'run.%' THEN COALESCE(e.data, '{}'::jsonb) || jsonb_build_object('progress', jsonb_build_object('done', a.done, 'total', a.total))
         ELSE COALESCE(e.data, '{}'::jsonb) END
  FROM jsonb_to_recordset(applied) AS a(i int, run uuid, ws uuid, done int, total int, "runEvents" boolean),
    jsonb_to_recordset(bs->a.i->'events') AS e(ord int, type text, "nodeId" text, "itemIndex" int, data jsonb)
  WHERE e.type NOT LIKE 'run.%' OR a."runEvents"
  ORDER BY a.i, e.ord;

  -- The event bus channel (src/db/pg-event-bus.ts): delivered to every process at commit.
  PERFORM pg_notify('foundry_events', bs->a.i->>'notify')
  FROM jsonb_to_recordset(applied) AS a(i int)
  WHERE bs->a.i->>'notify' IS NOT NULL;

  RETURN QUERY SELECT unnest(answers);
END
$$;
--> statement-breakpoint
-- Every batch updates its run's row (progress, fencing) and two step rows per step. A run row
-- carries the run's definition and input: kept out of line (TOAST) even when small, an update
-- copies a pointer instead of the whole workflow. Free space on each page lets these updates be
-- HOT (no index entries to add) instead of moving the row to another page.
ALTER TABLE workflow_runs SET (toast_tuple_target = 128, fillfactor = 80);
--> statement-breakpoint
ALTER TABLE workflow_runs ALTER COLUMN definition SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE workflow_steps SET (fillfactor = 70);
--> statement-breakpoint
ALTER TABLE workflow_attempts SET (fillfactor = 80);
--> statement-breakpoint
-- A new run: the run (holding a local worker's lease when `leaseMs` is given), a pending step per
-- node, its run.queued event, the audit entry of the person who started it, and the notice on the
-- event bus. One call whose statements keep their plans per connection; `v` is built by insertRun
-- (src/engine/runs.ts).
CREATE OR REPLACE FUNCTION foundry_insert_run(v jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  run_id uuid := (v->>'id')::uuid;
  ws uuid := (v->>'workspaceId')::uuid;
  created timestamptz;
  expires timestamptz;
BEGIN
  INSERT INTO workflow_runs (id, workspace_id, workflow_id, workflow_version, definition, status, input, trigger_kind, trigger_id, created_by,
    idempotency_key, parent_run_id, parent_step_id, steps_total, lease_owner, lease_expires_at)
  VALUES (run_id, ws, (v->>'workflowId')::uuid, (v->>'workflowVersion')::int, v->'definition', 'queued', v->'input', v->>'triggerKind',
    (v->>'triggerId')::uuid, (v->>'createdBy')::uuid, v->>'idempotencyKey', (v->>'parentRunId')::uuid, (v->>'parentStepId')::uuid,
    (v->>'stepsTotal')::int, v->>'leaseOwner',
    CASE WHEN v->>'leaseMs' IS NOT NULL THEN now() + (v->>'leaseMs')::int * interval '1 millisecond' END)
  RETURNING created_at, lease_expires_at INTO created, expires;

  INSERT INTO workflow_steps (id, run_id, workspace_id, node_id, status)
  SELECT x.id, run_id, ws, x."nodeId", 'pending' FROM jsonb_to_recordset(v->'steps') AS x(id uuid, "nodeId" text);

  INSERT INTO workflow_run_events (run_id, workspace_id, type, data) VALUES (run_id, ws, 'run.queued', v->'queued');

  IF v->'audit' IS NOT NULL AND jsonb_typeof(v->'audit') = 'object' THEN
    INSERT INTO audit_events (workspace_id, actor_id, action, target_type, target_id, details)
    VALUES (ws, (v->>'createdBy')::uuid, v->'audit'->>'action', 'run', run_id::text, v->'audit'->'details');
  END IF;

  PERFORM pg_notify('foundry_events', v->>'notify');
  RETURN jsonb_build_object('createdAt', created, 'leaseExpiresAt', expires);
END
$$;
