export { createBuiltinEngine, warmUpBuiltinEngine } from './builtin-engine.ts';
export { extractEntities, emptyEntities } from './extract-entities.ts';
export { defaultIntents, designIntents, intentNames, intentOption, reviewIntents, specIntents, type IntentName } from './intent-catalogue.ts';
