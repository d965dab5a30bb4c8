import { ValidationError } from '../../../kernel/index.ts';

/*
 * ISO 2859-1 (= ANSI/ASQ Z1.4, MIL-STD-105E) single sampling, normal inspection.
 * Table 1: sample size code letters for general inspection level II; Table 2-A: master table.
 */
const levelIILetters: [maxLot: number, letter: string][] = [
  [8, 'A'], [15, 'B'], [25, 'C'], [50, 'D'], [90, 'E'], [150, 'F'], [280, 'G'], [500, 'H'],
  [1200, 'J'], [3200, 'K'], [10_000, 'L'], [35_000, 'M'], [150_000, 'N'], [500_000, 'P'], [Number.POSITIVE_INFINITY, 'Q'],
];
const letters = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R'];
const sampleSizes = [2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000];

/*
 * Table 2-A runs in diagonals: for each AQL the plan Ac 0/Re 1 sits at one letter; the next letter points up
 * (use that 0/1 plan), the one after points down (use the 1/2 plan), then Ac 1, 2, 3, 5, 7, 10, 14, 21 follow one
 * letter at a time; past 21/22 the arrow points up, and letters before the 0/1 plan point down to it.
 */
const acceptanceRun = [1, 2, 3, 5, 7, 10, 14, 21];
const zeroAcceptLetter: Record<string, number> = { '0.65': 5, '1.0': 4, '1.5': 3, '2.5': 2, '4.0': 1, '6.5': 0 };
export const supportedAqls = [0.65, 1.0, 1.5, 2.5, 4.0, 6.5] as const;

export interface SamplingPlan { aql: number; codeLetter: string; sampleSize: number; accept: number; reject: number; hundredPercent: boolean }

export function codeLetterFor(lotSize: number): string {
  if (!Number.isInteger(lotSize) || lotSize < 2) throw new ValidationError({ message: `Lot size must be an integer of at least 2, got ${lotSize}.`, details: { lotSize } });
  const hit = levelIILetters.find(([max]) => lotSize <= max);
  return hit?.[1] ?? 'Q';
}

export function sampleSizeFor(codeLetter: string): number {
  const i = letters.indexOf(codeLetter);
  if (i < 0) throw new ValidationError({ message: `Unknown sample size code letter ${codeLetter}.`, details: { codeLetter } });
  return sampleSizes[i] ?? 0;
}

function aqlKey(aql: number): string {
  const key = aql.toFixed(aql < 1 ? 2 : 1);
  if (!(key in zeroAcceptLetter)) throw new ValidationError({ message: `AQL ${aql} is not supported; use one of ${supportedAqls.join(', ')}.`, details: { aql } });
  return key;
}

/** The master-table cell at a letter: a plan, or the letter index an arrow leads to. */
function cell(letterIndex: number, aql: number): { accept: number } | { goTo: number } {
  const zero = zeroAcceptLetter[aqlKey(aql)] ?? 0;
  const offset = letterIndex - zero;
  if (offset < 0) return { goTo: zero };
  if (offset === 0) return { accept: 0 };
  if (offset === 1) return { goTo: zero };
  if (offset === 2) return { goTo: zero + 3 };
  const run = offset - 3;
  if (run < acceptanceRun.length) return { accept: acceptanceRun[run] ?? 0 };
  return { goTo: zero + 2 + acceptanceRun.length };
}

/** Single sampling plan, normal inspection, for a code letter and AQL (following the table's arrows). */
export function samplingPlan(codeLetter: string, aql: number, lotSize?: number): SamplingPlan {
  let index = letters.indexOf(codeLetter);
  if (index < 0) throw new ValidationError({ message: `Unknown sample size code letter ${codeLetter}.`, details: { codeLetter } });
  let c = cell(index, aql);
  if ('goTo' in c) { index = c.goTo; c = cell(index, aql); }
  const accept = 'accept' in c ? c.accept : 0;
  const sampleSize = sampleSizes[index] ?? 0;
  const hundredPercent = lotSize !== undefined && sampleSize >= lotSize;
  return { aql, codeLetter: letters[index] ?? codeLetter, sampleSize: hundredPercent ? (lotSize ?? sampleSize) : sampleSize, accept, reject: accept + 1, hundredPercent };
}
