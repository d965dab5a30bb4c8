/** CLI: `foundry serve | migrate | user | token | vault | project`. */
export { buildCli } from './commands.ts';
