import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { configureRuntime, currentDeps } from '@server/runtime/config';
import { runSweep } from './index';

// TEST ONLY. End-to-end tests must move time on a running host (a message left unanswered past
// its deadline) without waiting days. The local host installs this only when it runs in demo
// mode with CLOCK_CONTROL=1 (server/local/host/main.ts); production code never imports it.
//   POST /api/_test/clock { "offsetMs": 259200000 }  → the host's clock runs 3 days ahead
//   POST /api/_test/sweep                            → runs the deadline sweeper now

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8').slice(0, 10_000)));
    req.on('end', () => {
      try {
        const v: unknown = JSON.parse(text || '{}');
        resolve(v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
      } catch {
        resolve({});
      }
    });
  });
}

export function installTestClock(server: Server): void {
  let offsetMs = 0;
  configureRuntime({ now: () => Date.now() + offsetMs });
  const handlers = server.listeners('request') as Listener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'POST' && path === '/api/_test/clock') {
      void readJson(req).then((body) => {
        if (typeof body.offsetMs === 'number' && Number.isFinite(body.offsetMs)) offsetMs = body.offsetMs;
        if (typeof body.advanceMs === 'number' && Number.isFinite(body.advanceMs)) offsetMs += body.advanceMs;
        send(res, 200, { ok: true, data: { now: currentDeps().now(), offsetMs } });
      });
      return;
    }
    if (req.method === 'POST' && path === '/api/_test/sweep') {
      runSweep()
        .then((report) => send(res, 200, { ok: true, data: report }))
        .catch((e: Error) => send(res, 500, { ok: false, code: 'Internal', message: e.message }));
      return;
    }
    for (const h of handlers) h(req, res);
  });
  console.log('测试时钟已开启（CLOCK_CONTROL=1）：POST /api/_test/clock、/api/_test/sweep');
}
