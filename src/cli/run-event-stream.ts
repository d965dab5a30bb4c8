/** One dispatched message of a `text/event-stream`. */
export interface ServerSentEvent {
  /** The last event id seen on the stream (ids persist until changed), or '' when none. */
  id: string;
  /** `event:` field; 'message' when absent. */
  event: string;
  /** The `data:` lines joined with '\n'. */
  data: string;
}

export interface EventStreamParser {
  /** Feeds decoded text (any split, even mid-line or between CR and LF); returns the messages it completed. */
  push(text: string): ServerSentEvent[];
  /** The reconnection delay the server asked for with `retry:`, if any. */
  readonly retryMs: number | undefined;
}

/**
 * An incremental parser of the `text/event-stream` format (the WHATWG HTML "event stream
 * interpretation"): CRLF/LF/CR line ends, comments, multi-line data, id persistence, `retry:`.
 * A message is dispatched on a blank line; a trailing message with no blank line is dropped, as
 * EventSource does.
 *
 * @example
 * const parser = createEventStreamParser();
 * parser.push('id: 3\nevent: step.started\ndata: {"seq":3}\n\n'); // [{ id: '3', event: 'step.started', data: '{"seq":3}' }]
 */
export function createEventStreamParser(): EventStreamParser {
  let buffer = '';
  let started = false;
  let afterCR = false;
  let lastId = '';
  let event = '';
  let data: string[] = [];
  let retryMs: number | undefined;

  function line(text: string, out: ServerSentEvent[]): void {
    if (text === '') {
      if (data.length > 0) out.push({ id: lastId, event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
  }

  return {
    push(text) {
      if (!started && text.length > 0) {
        started = true;
        if (text.startsWith('\uFEFF')) text = text.slice(1);
      }
      if (afterCR && text.startsWith('\n')) text = text.slice(1);
      afterCR = false;
      buffer += text;
      const out: ServerSentEvent[] = [];
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        line(buffer.slice(start, i), out);
        if (c === '\r') {
          if (i + 1 === buffer.length) afterCR = true;
          else if (buffer[i + 1] === '\n') i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      return out;
    },
    get retryMs() {
      return retryMs;
    },
  };
}
