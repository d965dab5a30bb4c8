import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { ServiceUnavailableError } from '../../kernel/index.ts';

/** The English LSTM model shipped in @tesseract.js-data/eng, read from disk: OCR never downloads anything. */
export const ocrLanguagePath: string = join(dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');

/** An idle worker is terminated after this long, to give its memory back. */
const idleMs = 60_000;

export interface OcrResult {
  confidence: number;
  paragraphs: { text: string; confidence: number }[];
}

/** The OCR did not finish in time; the worker has been terminated. */
export class OcrTimeout extends Error {}

/** The image could not be read or recognised (tesseract reports errors as strings). */
export class OcrFailed extends Error {}

type ThreadHandle = { worker?: { ref?(): void; unref?(): void } };

let worker: Promise<Worker> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let idleTimer: NodeJS.Timeout | undefined;

function thread(w: Worker): ThreadHandle['worker'] {
  return (w as unknown as ThreadHandle).worker;
}

function startWorker(): Promise<Worker> {
  return createWorker('eng', OEM.LSTM_ONLY, {
    langPath: ocrLanguagePath,
    gzip: true,
    cacheMethod: 'none',
    logger: () => undefined,
    errorHandler: () => undefined,
  });
}

async function discard(current: Promise<Worker>): Promise<void> {
  if (worker === current) worker = undefined;
  await current.then((w) => w.terminate()).catch(() => undefined);
}

/** Terminates the OCR worker if one is running; the next OCR starts a new one. Call on shutdown. */
export async function terminateOcrWorker(): Promise<void> {
  clearTimeout(idleTimer);
  if (worker) await discard(worker);
}

async function runOne(image: Buffer, timeoutMs: number, signal?: AbortSignal): Promise<OcrResult> {
  signal?.throwIfAborted();
  clearTimeout(idleTimer);
  const current = (worker ??= startWorker());
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  let started: Worker | undefined;
  try {
    const recognised = current.then((w) => {
      started = w;
      thread(w)?.ref?.();
      return w.recognize(image, {}, { text: true, blocks: true });
    });
    const stopped = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OcrTimeout(`OCR took longer than ${timeoutMs} ms`)), timeoutMs);
      onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const { data } = await Promise.race([recognised, stopped]);
    return {
      confidence: data.confidence,
      paragraphs: (data.blocks ?? []).flatMap((b) => b.paragraphs).map((p) => ({ text: p.text, confidence: p.confidence })),
    };
  } catch (error) {
    await discard(current);
    if (signal?.aborted) throw signal.reason;
    if (error instanceof OcrTimeout) throw error;
    const message = (error instanceof Error ? error.message : String(error)).replace(/^Error: /, '');
    if (!started) throw new ServiceUnavailableError({ code: 'OCR_UNAVAILABLE', message: `The OCR engine could not start: ${message}`, cause: error });
    throw new OcrFailed(message, { cause: error });
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    if (started && worker === current) {
      thread(started)?.unref?.();
      idleTimer = setTimeout(() => void terminateOcrWorker(), idleMs).unref();
    }
  }
}

/**
 * Recognises the text of an image (PNG, JPEG, GIF, WebP) with tesseract.js in a worker thread that is
 * started on first use and reused; OCRs run one at a time, and each has `timeoutMs` from when it
 * starts. A timeout or an abort terminates the worker. The worker does not keep the process alive
 * while idle.
 */
export function recognizeImage(image: Buffer, options: { timeoutMs: number; signal?: AbortSignal }): Promise<OcrResult> {
  const run = queue.then(() => runOne(image, options.timeoutMs, options.signal));
  queue = run.catch(() => undefined);
  return run;
}
