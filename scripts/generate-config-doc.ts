// Writes docs/configuration.md from the option table in src/kernel/config.ts.
import { writeFileSync } from 'node:fs';
import { configOptions } from '../src/kernel/config.ts';

const rows = Object.entries(configOptions).map(([key, o]) => {
  const def = o.default === undefined ? '(unset)' : `\`${String(o.default)}\``;
  return `| \`${o.env}\` | \`${key}\` | ${def} | ${o.doc} |`;
});
const doc = `# Configuration

Foundry reads one typed configuration, validated at start (a bad value stops it with a message
naming the variable). Sources, each overriding the one before: the defaults below, a JSON file
named by \`FOUNDRY_CONFIG\` (keys are the names in the second column; unknown keys are refused),
environment variables, then command-line flags (\`foundry serve --port --host\`).

This page is generated from \`src/kernel/config.ts\` by \`npm run docs:config\`; a test keeps them in step.

| environment variable | file key | default | meaning |
|---|---|---|---|
${rows.join('\n')}

## The data directory
\`FOUNDRY_DATA_DIR\` (default \`./.foundry\`) holds:
- \`postgres/\`: the embedded PostgreSQL cluster (only when \`DATABASE_URL\` is unset), its log
  \`postgres.log\` and its generated password \`postgres-password\` (mode 0600);
- \`artifacts/\`: artifact files, named by their SHA-256;
- \`master-keys.json\`: the vault's master keys (mode 0600), unless \`FOUNDRY_MASTER_KEY\` is set;
- \`serve.pid\`: the lock that keeps a second \`foundry serve\` off the same directory.

Back it up as a whole while Foundry is stopped, or use \`pg_dump\` for the database.
`;
writeFileSync('docs/configuration.md', doc);
console.log('wrote docs/configuration.md');
