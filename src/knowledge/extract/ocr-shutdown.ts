let loaded = false;

/** The image extractor (which loads the OCR worker) says it was loaded; until then there is nothing to stop. */
export function noteOcrLoaded(): void {
  loaded = true;
}

/** Stops the OCR worker at shutdown, without loading tesseract in a process that never used it. */
export async function stopOcr(): Promise<void> {
  if (!loaded) return;
  await (await import('./ocr-worker.ts')).terminateOcrWorker();
}
