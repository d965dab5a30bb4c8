import { pino, type Logger } from 'pino';
import { configOptions } from './config.ts';

export type { Logger };

const secretOptions = Object.entries(configOptions).filter(([, o]) => 'secret' in o && o.secret).map(([key]) => key);

/** Paths that may carry secrets (and every configuration option marked `secret`); pino replaces them before anything is written. */
export const redactedPaths = [
  'password', '*.password', 'secret', '*.secret', 'token', '*.token', 'apiKey', '*.apiKey',
  ...secretOptions.flatMap((key) => [key, `*.${key}`]),
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
];

export interface CreateLoggerOptions {
  level: string;
  destination?: pino.DestinationStream;
}

/** Structured JSON logs; secrets are redacted by path. */
export function createLogger({ level, destination }: CreateLoggerOptions): Logger {
  const options = { level, redact: { paths: redactedPaths, censor: '[redacted]' }, base: { service: 'foundry' } };
  return destination ? pino(options, destination) : pino(options);
}
