import { Cron } from 'croner';

/** When a schedule trigger fires; pure functions of the config and the clock. */

export const missedPolicies = ['skip', 'run_once'] as const;
export type MissedPolicy = (typeof missedPolicies)[number];

export interface ScheduleConfig {
  /** 5 fields (minute precision) or 6 (the first is seconds), or a nickname such as `@daily`. */
  cron: string;
  /** IANA time zone the fields are read in, e.g. `Europe/Berlin`. */
  timezone: string;
  missed: MissedPolicy;
}

/**
 * A firing later than this is "missed" (the process was down or stalled): `missed: "skip"` drops
 * it, `"run_once"` fires it once. Either way the schedule then continues from now.
 */
export const missedAfterMs = 60_000;

function cronOf(config: Pick<ScheduleConfig, 'cron' | 'timezone'>): Cron {
  return new Cron(config.cron, { timezone: config.timezone, mode: '5-or-6-parts' });
}

/** Whether `timezone` is an IANA name this runtime knows. */
export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with a cron expression (read in `timezone`), or undefined when it is usable. */
export function cronProblem(cron: string, timezone: string, now: Date): string | undefined {
  if (!isTimeZone(timezone)) return `"${timezone}" is not an IANA time zone (e.g. "Europe/Berlin", "UTC")`;
  let next: Date | null;
  try {
    next = cronOf({ cron, timezone }).nextRun(now);
  } catch (error) {
    return (error as Error).message.replace(/^CronPattern: /, '');
  }
  return next === null ? 'the expression never fires' : undefined;
}

/** The first firing strictly after `after`, or null when there is none. */
export function nextFireAfter(config: Pick<ScheduleConfig, 'cron' | 'timezone'>, after: Date): Date | null {
  return cronOf(config).nextRun(after);
}

export interface FiringDecision {
  /** Start a run for this firing. */
  fire: boolean;
  /** The firing is older than `missedAfterMs`. */
  missed: boolean;
  /** The next firing, counted from `now` (never a catch-up of the missed ones). */
  next: Date | null;
}

/**
 * What to do with a firing due at `due`, seen at `now`: fire it unless it was missed and the policy
 * is `skip`; continue with the first firing after `now`.
 *
 * @example decideFiring({ cron: '0 9 * * *', timezone: 'UTC', missed: 'skip' }, due, now)
 */
export function decideFiring(config: ScheduleConfig, due: Date, now: Date): FiringDecision {
  const missed = now.getTime() - due.getTime() > missedAfterMs;
  return { fire: !missed || config.missed === 'run_once', missed, next: nextFireAfter(config, now) };
}
