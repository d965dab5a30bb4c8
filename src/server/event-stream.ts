import type { FastifyReply, FastifyRequest } from 'fastify';

const heartbeatMs = 15_000;

export interface EventStream {
  write(chunk: string): void;
  /** Ends the response; safe to call more than once. */
  end(): void;
  readonly ended: boolean;
}

/**
 * Turns the reply into a server-sent event stream: headers that keep proxies from buffering, a
 * retry hint, a heartbeat comment every 15 s, and clean-up when the client goes or the server
 * closes (`open` holds every live stream's `end`, for the preClose hook).
 */
export function startEventStream(request: FastifyRequest, reply: FastifyReply, open: Set<() => void>, onEnd: () => void): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive',
    'x-accel-buffering': 'no', 'x-request-id': request.id,
  });
  raw.write('retry: 3000\n\n');
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), heartbeatMs);
  const stream = {
    ended: false,
    write: (chunk: string) => {
      if (!stream.ended) raw.write(chunk);
    },
    end: () => {
      if (stream.ended) return;
      stream.ended = true;
      clearInterval(heartbeat);
      onEnd();
      open.delete(stream.end);
      raw.end();
    },
  };
  open.add(stream.end);
  request.raw.on('close', stream.end);
  return stream;
}
