import { readFileSync } from 'node:fs';
import { entityKinds, type Entities } from '../entities.ts';
import type { IntentOption, LanguageEngine } from '../language-engine.ts';

/** One labelled utterance of eval/builtin/intents.jsonl. */
export interface IntentCase {
  text: string;
  intent: string;
}

/** One sentence of eval/builtin/entities.jsonl with the entities expected in normalised form (kinds left out expect none). */
export interface EntityCase {
  text: string;
  expected: Partial<Record<keyof Entities, Record<string, unknown>[]>>;
}

/** The day relative dates in the entity set are resolved against (a Wednesday). */
export const evaluationReferenceDate = new Date('2026-03-04T12:00:00Z');

export function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

export interface IntentReport {
  total: number;
  correct: number;
  accuracy: number;
  misses: { text: string; expected: string; predicted: string; confidence: number }[];
  /** For each intent: its utterances, how many were found (recall) and how many predictions of it were right (precision). */
  perIntent: { intent: string; total: number; recall: number; precision: number }[];
  /** Predicted/expected pairs that went wrong, most frequent first. */
  confusions: { expected: string; predicted: string; count: number }[];
  /** Accuracy of the predictions whose confidence falls in each band, and the expected calibration error. */
  calibration: { bands: { from: number; to: number; count: number; accuracy: number; meanConfidence: number }[]; ece: number };
}

export async function evaluateIntents(engine: LanguageEngine, cases: IntentCase[], options: IntentOption[]): Promise<IntentReport> {
  const results: (IntentCase & { predicted: string; confidence: number })[] = [];
  for (const c of cases) {
    const { value } = await engine.classifyIntent(c.text, options);
    results.push({ ...c, predicted: value.intent, confidence: value.confidence });
  }
  const misses = results.filter((r) => r.predicted !== r.intent)
    .map((r) => ({ text: r.text, expected: r.intent, predicted: r.predicted, confidence: r.confidence }));
  const pairs = new Map<string, number>();
  for (const m of misses) pairs.set(`${m.expected}\u0000${m.predicted}`, (pairs.get(`${m.expected}\u0000${m.predicted}`) ?? 0) + 1);
  const confusions = [...pairs].map(([k, count]) => {
    const [expected, predicted] = k.split('\u0000') as [string, string];
    return { expected, predicted, count };
  }).sort((a, b) => b.count - a.count);
  const edges = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];
  const bands = edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1]!;
    const inBand = results.filter((r) => r.confidence >= from && r.confidence < to);
    return {
      from, to: Math.min(to, 1), count: inBand.length,
      accuracy: inBand.length ? inBand.filter((r) => r.predicted === r.intent).length / inBand.length : 0,
      meanConfidence: inBand.length ? inBand.reduce((s, r) => s + r.confidence, 0) / inBand.length : 0,
    };
  });
  const ece = bands.reduce((s, b) => s + (b.count / results.length) * Math.abs(b.accuracy - b.meanConfidence), 0);
  const correct = results.length - misses.length;
  const perIntent = options.map((o) => {
    const labelled = results.filter((r) => r.intent === o.name);
    const predicted = results.filter((r) => r.predicted === o.name);
    return {
      intent: o.name, total: labelled.length,
      recall: labelled.length ? labelled.filter((r) => r.predicted === o.name).length / labelled.length : 1,
      precision: predicted.length ? predicted.filter((r) => r.intent === o.name).length / predicted.length : 1,
    };
  });
  return { total: results.length, correct, accuracy: correct / results.length, perIntent, misses, confusions, calibration: { bands, ece } };
}

/**
 * The fields that identify an entity of each kind, compared exactly (numbers to 1e-6). A colour is
 * identified by its name, or its hex code when written as one, or its Pantone code.
 */
const identity: Record<keyof Entities, (e: Record<string, unknown>) => unknown> = {
  quantities: (e) => [e.value, e.unit ?? null],
  dimensions: (e) => [e.values, e.unit],
  weights: (e) => [e.value, e.unit],
  colors: (e) => (e.pantone !== undefined ? ['pantone', e.pantone] : e.name !== undefined ? ['name', e.name] : ['hex', e.hex]),
  materials: (e) => [e.name, e.family],
  dates: (e) => [e.date, e.deadline],
  money: (e) => [e.amount, e.currency],
  markets: (e) => [e.code],
  devices: (e) => [e.brand, e.model],
};
const keyOf = (kind: keyof Entities, e: Record<string, unknown>) =>
  JSON.stringify(identity[kind](e), (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v));

export interface EntityKindScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EntityReport {
  sentences: number;
  /** Sentences where every expected entity was found with the right normalised value and nothing else. */
  exactSentences: number;
  sentenceAccuracy: number;
  perKind: Record<keyof Entities, EntityKindScore>;
  micro: EntityKindScore;
  misses: { text: string; kind: keyof Entities; missing: string[]; extra: string[] }[];
}

const scoreOf = (tp: number, fp: number, fn: number): EntityKindScore => {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
};

export async function evaluateEntities(engine: LanguageEngine, cases: EntityCase[], referenceDate = evaluationReferenceDate): Promise<EntityReport> {
  const counts = Object.fromEntries(entityKinds.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<keyof Entities, { tp: number; fp: number; fn: number }>;
  const misses: EntityReport['misses'] = [];
  let exact = 0;
  for (const c of cases) {
    const { value } = await engine.extractEntities(c.text, { referenceDate });
    let sentenceRight = true;
    for (const kind of entityKinds) {
      const expected = (c.expected[kind] ?? []).map((e) => keyOf(kind, e));
      const found = (value[kind] as unknown as Record<string, unknown>[]).map((e) => keyOf(kind, e));
      const unmatched = [...found];
      const missing: string[] = [];
      for (const e of expected) {
        const at = unmatched.indexOf(e);
        if (at >= 0) { unmatched.splice(at, 1); counts[kind].tp++; } else { missing.push(e); counts[kind].fn++; }
      }
      counts[kind].fp += unmatched.length;
      if (missing.length || unmatched.length) {
        sentenceRight = false;
        misses.push({ text: c.text, kind, missing, extra: unmatched });
      }
    }
    if (sentenceRight) exact++;
  }
  const perKind = Object.fromEntries(entityKinds.map((k) => [k, scoreOf(counts[k].tp, counts[k].fp, counts[k].fn)])) as Record<keyof Entities, EntityKindScore>;
  const total = Object.values(counts).reduce((s, c) => ({ tp: s.tp + c.tp, fp: s.fp + c.fp, fn: s.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { sentences: cases.length, exactSentences: exact, sentenceAccuracy: exact / cases.length, perKind, micro: scoreOf(total.tp, total.fp, total.fn), misses };
}
