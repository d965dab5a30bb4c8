import { buildCli } from './commands.ts';

await buildCli().parseAsync(process.argv);
