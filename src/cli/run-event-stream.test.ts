import { describe, expect, it } from 'vitest';
import { createEventStreamParser, type ServerSentEvent } from './run-event-stream.ts';

function parseAll(chunks: string[]): ServerSentEvent[] {
  const parser = createEventStreamParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

const stream = [
  'retry: 3000',
  'event: ready',
  'data: {"runId":"r"}',
  '',
  ': heartbeat',
  '',
  'id: 1',
  'event: run.started',
  'data: {"seq":1}',
  '',
  'id: 2',
  'event: step.started',
  'data: {"seq":2,',
  'data: "more":true}',
  '',
  '',
].join('\n');

const expected: ServerSentEvent[] = [
  { id: '', event: 'ready', data: '{"runId":"r"}' },
  { id: '1', event: 'run.started', data: '{"seq":1}' },
  { id: '2', event: 'step.started', data: '{"seq":2,\n"more":true}' },
];

describe('createEventStreamParser', () => {
  it('dispatches messages on blank lines, skips comments, joins data lines', () => {
    expect(parseAll([stream])).toEqual(expected);
  });

  it('gives the same messages whatever the chunk boundaries', () => {
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.slice(i, i + size));
      expect(parseAll(chunks)).toEqual(expected);
    }
  });

  it('accepts CRLF and CR line ends, also split between chunks', () => {
    expect(parseAll([stream.replaceAll('\n', '\r\n')])).toEqual(expected);
    expect(parseAll([stream.replaceAll('\n', '\r')])).toEqual(expected);
    expect(parseAll(['id: 7\r', '\nevent: x\r', '\ndata: y\r', '\n\r', '\n'])).toEqual([{ id: '7', event: 'x', data: 'y' }]);
  });

  it('strips a leading BOM and one space after the colon only', () => {
    expect(parseAll(['\uFEFFdata:  two spaces\n\n', 'data:none\n\n'])).toEqual([
      { id: '', event: 'message', data: ' two spaces' },
      { id: '', event: 'message', data: 'none' },
    ]);
  });

  it('keeps the last id for later messages, and an empty id resets it', () => {
    expect(parseAll(['id: 5\ndata: a\n\ndata: b\n\nid\ndata: c\n\n'])).toEqual([
      { id: '5', event: 'message', data: 'a' },
      { id: '5', event: 'message', data: 'b' },
      { id: '', event: 'message', data: 'c' },
    ]);
  });

  it('does not dispatch a message without data, nor an unfinished one at the end', () => {
    expect(parseAll(['event: lonely\n\n', 'data: cut off'])).toEqual([]);
  });

  it('reads retry: only when it is a number, and ignores unknown fields', () => {
    const parser = createEventStreamParser();
    expect(parser.push('retry: soon\nfoo: bar\ndata: x\n\n')).toEqual([{ id: '', event: 'message', data: 'x' }]);
    expect(parser.retryMs).toBeUndefined();
    parser.push('retry: 1500\n\n');
    expect(parser.retryMs).toBe(1500);
  });
});
