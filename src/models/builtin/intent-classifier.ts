import { createHash } from 'node:crypto';
import type { Entities } from '../entities.ts';
import type { IntentOption, IntentResult } from '../language-engine.ts';
import { conceptOf } from './intent-concepts.ts';
import { formFeatures, intentFeatures, intentTerms, normaliseChat, type IntentSentence } from './intent-features.ts';
import { trainSoftmaxRegression } from './softmax-regression.ts';
import { addScaled, dot, normalise, type SparseVector } from './sparse-vector.ts';
import { createSpellingCorrector } from './spelling-correction.ts';
import type { TextReader } from './text-reader.ts';

/** How a text is read for classification: its sentences' terms and the entities in it. */
export interface IntentAnalysis {
  terms: IntentSentence[];
  entities?: Entities;
}

/** A classifier trained on one set of options. */
export interface TrainedIntents {
  classify(analysis: IntentAnalysis): IntentResult;
  /** Accuracy over the options' own examples, each predicted by a model trained without its fold. */
  readonly crossValidatedAccuracy: number;
  /** Weight of example similarity against the regression, chosen by cross-validation. */
  readonly similarityWeight: number;
  /** Softmax temperature, fitted by cross-validation. */
  readonly temperature: number;
}

/** The score of "none of these": a text that matches no option well gets a low confidence. */
const noneScore = 0.1;
/** How much an option's nearest example counts against its centroid. */
const nearestWeight = 0.65;
const descriptionWeight = 0.5;
/** How a sentence is put (question, request, instruction) counts more than any one word of it (chosen by cross-validation on the catalogue; 1 to 2.5 score within a point). */
const formWeight = 1.5;
const folds = 5;
const similarityWeights = [0, 0.25, 0.5, 0.75, 1];
const temperatures = Array.from({ length: 25 }, (_, i) => 0.01 * 1.2 ** i);

interface Row {
  option: number;
  bag: Map<string, number>;
  /** Descriptions teach less than examples and are never anyone's nearest example. */
  description: boolean;
}

type Scorer = (bag: Map<string, number>) => { similarity: number[]; regression: number[] };

/**
 * Two views of the rows: TF-IDF similarity (IDF across options, so a word every option uses tells
 * nothing; an option's score mixes its nearest example and its centroid) and a softmax regression
 * over the same vectors, which learns which features tell options apart.
 */
function fitScorer(rows: Row[], n: number): Scorer {
  const classesWith = new Map<string, Set<number>>();
  for (const r of rows) for (const f of r.bag.keys()) (classesWith.get(f) ?? classesWith.set(f, new Set()).get(f)!).add(r.option);
  const idf = new Map([...classesWith].map(([f, set]) => [f, Math.log((n + 1) / set.size) + 0.1]));
  const weigh = (bag: Map<string, number>): SparseVector => {
    const v: SparseVector = new Map();
    for (const [f, count] of bag) {
      const w = idf.get(f);
      if (w !== undefined) v.set(f, (1 + Math.log(count)) * w * (formFeatures.has(f) ? formWeight : 1));
    }
    return normalise(v);
  };
  const vectors = rows.map((r) => weigh(r.bag));
  const centroids = Array.from({ length: n }, (_, i) => normalise(rows.reduce(
    (acc, r, j) => (r.option === i ? addScaled(acc, vectors[j]!, r.description ? descriptionWeight : 1) : acc), new Map() as SparseVector)));
  const regression = trainSoftmaxRegression(vectors, rows.map((r) => r.option), n, { weights: rows.map((r) => (r.description ? descriptionWeight : 1)) });
  return (bag) => {
    const query = weigh(bag);
    const nearest = new Array<number>(n).fill(0);
    rows.forEach((r, j) => {
      if (r.description) return;
      const s = dot(query, vectors[j]!);
      if (s > nearest[r.option]!) nearest[r.option] = s;
    });
    return {
      similarity: centroids.map((c, i) => nearestWeight * nearest[i]! + (1 - nearestWeight) * dot(query, c)),
      regression: softmax(regression.logits(query), 1, false),
    };
  };
}

const mix = (s: { similarity: number[]; regression: number[] }, weight: number) =>
  s.similarity.map((v, i) => weight * v + (1 - weight) * s.regression[i]!);

/**
 * Trains on the options' examples and descriptions. The mix of the two views and the softmax
 * temperature (with a "none of these" score, so a text unlike every option gets a low confidence)
 * are chosen by cross-validation over the examples, so a confidence of 0.8 means about that.
 */
export function trainIntents(options: IntentOption[], analyse: (text: string) => IntentAnalysis): TrainedIntents {
  const n = options.length;
  const rows: Row[] = [];
  const surfaceLemma = new Map<string, string>();
  const surfaceCount = new Map<string, number>();
  const learn = (option: number, text: string, description: boolean) => {
    const analysis = analyse(text);
    for (const t of analysis.terms.flatMap((s) => s.terms)) {
      if (!surfaceLemma.has(t.surface)) surfaceLemma.set(t.surface, t.lemma);
      surfaceCount.set(t.surface, (surfaceCount.get(t.surface) ?? 0) + 1);
    }
    rows.push({ option, bag: intentFeatures(analysis.terms, analysis.entities), description });
  };
  options.forEach((o, i) => {
    for (const example of o.examples) learn(i, example, false);
    learn(i, o.description, true);
  });

  const held: { option: number; scores: { similarity: number[]; regression: number[] } }[] = [];
  const exampleRows = rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.description);
  for (let fold = 0; fold < folds && exampleRows.length >= folds; fold++) {
    const out = new Set(exampleRows.filter((_, k) => k % folds === fold).map(({ i }) => i));
    const score = fitScorer(rows.filter((_, i) => !out.has(i)), n);
    for (const i of out) held.push({ option: rows[i]!.option, scores: score(rows[i]!.bag) });
  }
  const accuracyWith = (w: number) => held.filter((h) => argmax(mix(h.scores, w)) === h.option).length / Math.max(1, held.length);
  const similarityWeight = similarityWeights.reduce((best, w) => (accuracyWith(w) > accuracyWith(best) ? w : best), 0.5);
  const nll = (t: number) => held.reduce((sum, h) => sum - Math.log(Math.max(1e-12, softmax(mix(h.scores, similarityWeight), t, true)[h.option]!)), 0);
  const temperature = held.length === 0 ? 0.1 : temperatures.reduce((best, t) => (nll(t) < nll(best) ? t : best));

  const score = fitScorer(rows, n);
  const correct = createSpellingCorrector(surfaceCount, new Set(conceptOf.keys()));
  const lemmaKnown = new Set(surfaceLemma.values());
  return {
    crossValidatedAccuracy: accuracyWith(similarityWeight),
    similarityWeight,
    temperature,
    classify(analysis) {
      const terms = analysis.terms.map((sentence) => ({
        ...sentence,
        terms: sentence.terms.map((t) => {
          if (surfaceLemma.has(t.surface) || lemmaKnown.has(t.lemma) || conceptOf.has(t.lemma)) return t;
          const fixed = correct(t.surface);
          return fixed === undefined ? t : { ...t, surface: fixed, lemma: surfaceLemma.get(fixed)! };
        }),
      }));
      const probabilities = softmax(mix(score(intentFeatures(terms, analysis.entities)), similarityWeight), temperature, true);
      const ranking = options.map((o, i) => ({ intent: o.name, confidence: round(probabilities[i]!) }))
        .sort((a, b) => b.confidence - a.confidence);
      return { intent: ranking[0]!.intent, confidence: ranking[0]!.confidence, ranking };
    },
  };
}

/** Probabilities from scores; with `none`, a "none of these" score takes its share. */
function softmax(scores: number[], temperature: number, none: boolean): number[] {
  const all = none ? [...scores, noneScore] : scores;
  const top = Math.max(...all);
  const exps = all.map((s) => Math.exp((s - top) / temperature));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.slice(0, scores.length).map((e) => e / total);
}

const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));
const round = (p: number) => Math.round(p * 10_000) / 10_000;

export interface IntentClassifier {
  classify(text: string, options: IntentOption[]): IntentResult;
  /** The model trained for these options (trained now if it is not cached). */
  modelFor(options: IntentOption[]): TrainedIntents;
}

/**
 * The built-in intent classifier: trains once per distinct option set (kept by a hash of the
 * options, the most recent 32 sets) and classifies against it.
 */
export function createIntentClassifier(reader: TextReader, extract: (text: string) => Entities): IntentClassifier {
  const trained = new Map<string, TrainedIntents>();
  const analyse = (text: string): IntentAnalysis => {
    const normalised = normaliseChat(text);
    return { terms: intentTerms(reader.read(normalised)), entities: extract(normalised) };
  };
  const modelFor = (options: IntentOption[]): TrainedIntents => {
    const key = createHash('sha256').update(JSON.stringify(options.map((o) => [o.name, o.description, o.examples]))).digest('hex');
    let model = trained.get(key);
    if (model) trained.delete(key);
    else model = trainIntents(options, analyse);
    trained.set(key, model);
    if (trained.size > 32) trained.delete(trained.keys().next().value!);
    return model;
  };
  return {
    modelFor,
    classify: (text, options) => modelFor(options).classify(analyse(text)),
  };
}
