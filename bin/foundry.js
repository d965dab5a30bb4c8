#!/usr/bin/env node
// Entry for `npx foundry`: runs the TypeScript CLI with Node's built-in type stripping (Node >= 24).
import '../src/cli/main.ts';
