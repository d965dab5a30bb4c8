import { pino, type Logger } from 'pino';

export type { Logger };

/** Paths that may carry secrets; pino replaces them before anything is written. */
export const redactedPaths = [
  'password', '*.password', 'secret', '*.secret', 'token', '*.token', 'masterKey', '*.masterKey',
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
