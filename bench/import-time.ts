/**
 * Prints, as JSON, how long after this process began Foundry's CLI modules had finished loading
 * (the same module graph `foundry serve` loads), without opening a database or a port.
 */
const before = performance.now();
await import('../src/cli/commands.ts');
const after = performance.now();
console.log(JSON.stringify({ processToImportStartMs: before, importMs: after - before, processToLoadedMs: after }));
