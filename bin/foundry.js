#!/usr/bin/env node
// Entry for `npx foundry`: runs the TypeScript CLI with Node's built-in type stripping.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Foundry needs Node.js 24 or newer (this is ${process.version}). Run \`npm install\` in the repository: it puts Node 24 in node_modules/.bin, which npm scripts and npx use.`);
  process.exit(1);
}
await import('../src/cli/main.ts');
