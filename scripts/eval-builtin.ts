// Evaluates the built-in language engine on the labelled sets in eval/builtin/ and prints intent
// accuracy (with the confusions, the misses and how well confidence is calibrated) and entity
// precision, recall and F1 per kind. Exits 1 when either accuracy is below the 90% floor.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBuiltinEngine, defaultIntents } from '../src/models/index.ts';
import {
  evaluateEntities, evaluateIntents, evaluationReferenceDate, readJsonLines, type EntityCase, type IntentCase,
} from '../src/models/builtin/builtin-evaluation.ts';
import { loadBuiltin } from '../src/models/builtin/builtin-engine.ts';

const floor = 0.9;
const root = join(fileURLToPath(import.meta.url), '../..');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const engine = createBuiltinEngine();
const intents = readJsonLines<IntentCase>(join(root, 'eval/builtin/intents.jsonl'));
const entities = readJsonLines<EntityCase>(join(root, 'eval/builtin/entities.jsonl'));

const intentReport = await evaluateIntents(engine, intents, defaultIntents);
const model = (await loadBuiltin()).classifier.modelFor(defaultIntents);
console.log(`Intents: ${intentReport.correct}/${intentReport.total} correct, accuracy ${pct(intentReport.accuracy)} over ${defaultIntents.length} intents`);
console.log(`  catalogue 5-fold cross-validated accuracy ${pct(model.crossValidatedAccuracy)}; similarity weight ${model.similarityWeight}, softmax temperature ${model.temperature.toFixed(3)} (both chosen on the catalogue, not this set)`);
console.log('  intent               n  recall  precision');
for (const i of intentReport.perIntent) console.log(`  ${i.intent.padEnd(18)} ${String(i.total).padStart(3)} ${pct(i.recall).padStart(7)} ${pct(i.precision).padStart(10)}`);
console.log('  calibration (confidence band: predictions, accuracy, mean confidence):');
for (const b of intentReport.calibration.bands) {
  console.log(`    ${b.from.toFixed(1)}-${b.to.toFixed(1)}: ${String(b.count).padStart(3)}  ${b.count ? pct(b.accuracy).padStart(6) : '     -'}  ${b.count ? b.meanConfidence.toFixed(2) : '-'}`);
}
console.log(`    expected calibration error ${intentReport.calibration.ece.toFixed(3)}`);
if (intentReport.confusions.length) {
  console.log('  confusions (expected → predicted):');
  for (const c of intentReport.confusions) console.log(`    ${c.expected} → ${c.predicted}: ${c.count}`);
  console.log('  misses:');
  for (const m of intentReport.misses) console.log(`    [${m.expected} → ${m.predicted} ${m.confidence.toFixed(2)}] ${m.text}`);
}

const entityReport = await evaluateEntities(engine, entities, evaluationReferenceDate);
console.log(`\nEntities: ${entityReport.exactSentences}/${entityReport.sentences} sentences exactly right, accuracy ${pct(entityReport.sentenceAccuracy)}`);
console.log('  (a sentence is right when every expected entity is found with its normalised value and nothing else is)');
console.log(`  micro precision ${pct(entityReport.micro.precision)}, recall ${pct(entityReport.micro.recall)}, F1 ${pct(entityReport.micro.f1)}`);
console.log('  kind          expected  found  precision  recall     F1');
for (const [kind, s] of Object.entries(entityReport.perKind)) {
  console.log(`  ${kind.padEnd(12)} ${String(s.truePositives + s.falseNegatives).padStart(9)} ${String(s.truePositives + s.falsePositives).padStart(6)} ${pct(s.precision).padStart(10)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(6)}`);
}
if (entityReport.misses.length) {
  console.log('  misses:');
  for (const m of entityReport.misses) console.log(`    ${m.kind}: ${m.text}\n      missing ${m.missing.join(' ') || '-'}  extra ${m.extra.join(' ') || '-'}`);
}

const passed = intentReport.accuracy >= floor && entityReport.sentenceAccuracy >= floor;
console.log(`\n${passed ? 'PASS' : 'FAIL'}: intent accuracy ${pct(intentReport.accuracy)}, entity accuracy ${pct(entityReport.sentenceAccuracy)} (floor ${pct(floor)})`);
process.exitCode = passed ? 0 : 1;
