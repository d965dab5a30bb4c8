import type { RunEventView } from '../engine/index.ts';
import { approvalHint, describeEvent, pendingApprovals, renderProgress, type RunProgress } from './run-progress.ts';

/** Where progress goes: a terminal (redrawn in place) or a pipe/log (one line per event). */
export interface DisplayTarget {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

export interface RunDisplay {
  /** The state before any event. */
  start(progress: RunProgress): void;
  /** The state after `event` (TTY: redraw soon; otherwise a line, and approval hints once). */
  event(progress: RunProgress, event: RunEventView): void;
  /** A fresh snapshot, with no event (polling, or a refetch). */
  snapshot(progress: RunProgress): void;
  /** Draws the last state now and leaves the terminal as it found it. */
  finish(progress: RunProgress): void;
}

const hideCursor = '\u001B[?25l';
const showCursor = '\u001B[?25h';

/**
 * Shows a run's progress while the CLI follows it. On a TTY the compact view of renderProgress is
 * redrawn in place at most every `redrawMs`; elsewhere each event is a line (describeEvent), and a
 * pending approval prints how to answer it.
 */
export function createRunDisplay(target: DisplayTarget, { redrawMs = 80, timeZone }: { redrawMs?: number; timeZone?: string } = {}): RunDisplay {
  if (!target.isTTY) return lineDisplay(target, timeZone);
  let drawn = 0;
  let latest: RunProgress | undefined;
  let timer: NodeJS.Timeout | undefined;
  let cursorHidden = false;
  const draw = () => {
    timer = undefined;
    if (!latest) return;
    const lines = renderProgress(latest, { width: Math.max(20, (target.columns ?? 80) - 1), maxLines: Math.max(3, (target.rows ?? 24) - 2), timeZone });
    const clear = drawn > 0 ? `\u001B[${drawn}F\u001B[J` : '';
    target.write(`${cursorHidden ? '' : hideCursor}${clear}${lines.join('\n')}\n`);
    cursorHidden = true;
    drawn = lines.length;
  };
  const schedule = (progress: RunProgress) => {
    latest = progress;
    timer ??= setTimeout(draw, drawn === 0 ? 0 : redrawMs);
  };
  const restore = () => {
    if (cursorHidden) target.write(showCursor);
    cursorHidden = false;
  };
  process.once('exit', restore);
  return {
    start: (progress) => schedule(progress),
    event: (progress) => schedule(progress),
    snapshot: (progress) => schedule(progress),
    finish(progress) {
      clearTimeout(timer);
      latest = progress;
      draw();
      restore();
      process.off('exit', restore);
    },
  };
}

function lineDisplay(target: DisplayTarget, timeZone: string | undefined): RunDisplay {
  const hinted = new Set<string>();
  let status: string | undefined;
  const hints = (progress: RunProgress) => {
    for (const step of pendingApprovals(progress)) {
      const key = `${step.nodeId}:${step.itemIndex}`;
      if (hinted.has(key)) continue;
      hinted.add(key);
      target.write(`${approvalHint(progress.runId, step).join('\n')}\n`);
    }
  };
  return {
    start(progress) {
      status = progress.status;
      hints(progress);
    },
    event(progress, event) {
      target.write(`${describeEvent(event, progress, { timeZone })}\n`);
      status = progress.status;
      hints(progress);
    },
    snapshot(progress) {
      if (progress.status !== status) target.write(`run is ${progress.status}\n`);
      status = progress.status;
      hints(progress);
    },
    finish: () => undefined,
  };
}
