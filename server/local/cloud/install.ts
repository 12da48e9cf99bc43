import { EventEmitter } from 'node:events';
import { requireFromNodeSdk } from './bson';
import { execute } from './executor';
import { answerScope, backgroundScope } from './group-commit';
import { SqliteStore, type LocalStore } from './store';

// The seam. wx-server-sdk 4.0.2 → @cloudbase/node-sdk 3.17.2 → @cloudbase/database 1.4.3 sends
// every database request through TcbDBApiHttpRequester.prototype.send(api, data, opts); we
// replace that one method, so every cloud.database() instance (made before or after) is
// answered by the local store. The rest of the SDK's network paths are closed so nothing
// leaves the machine: the cloud-platform probe at cloud.init (metadata lookups) answers "not
// in Tencent Cloud" at once, the credential check is skipped, and any other HTTP request
// (callFunction, storage, openapi) fails with a clear error. Install before cloud.init().

type Send = (api: string, data: unknown, opts?: unknown) => Promise<unknown>;
interface RequesterModule {
  TcbDBApiHttpRequester: { prototype: { send: Send } };
}
interface UtilsModule {
  processReturn(result: unknown): unknown;
}

let current: SqliteStore | null = null;
let installed = false;

/** Routes every wx-server-sdk database call to `store`; calling again swaps the store. */
export function installLocalCloud(store: LocalStore): void {
  if (!(store instanceof SqliteStore)) throw new TypeError('installLocalCloud needs a store made by openLocalStore()');
  current = store;
  if (installed) return;
  installed = true;

  const requester = requireFromNodeSdk('./utils/tcbdbapirequester.js') as RequesterModule;
  const utils = requireFromNodeSdk('./utils/utils.js') as UtilsModule;
  requester.TcbDBApiHttpRequester.prototype.send = async function localSend(
    api: string,
    data: unknown,
  ): Promise<unknown> {
    if (!current) throw new Error('local cloud: no store installed');
    const res = await execute(current, api, data);
    // Exactly what the real request() does with an error body: throw a TcbError (or return
    // the body when the app called setThrowOnCode(false)).
    return res.code ? utils.processReturn(res) : res;
  };
  closeNetwork();
}

/**
 * Runs `fn` (one request of the local host) and resolves only when everything its answer
 * depends on is on disk: store calls inside do not wait one by one, the answer waits once.
 * If the disk fails, this rejects: the caller must not send the answer it computed.
 */
export async function answerWhenDurable<T>(fn: () => Promise<T>): Promise<T> {
  const scope = { upTo: 0 };
  const store = current;
  try {
    return await answerScope.run(scope, fn);
  } finally {
    if (store && scope.upTo > 0) await store.durable(scope.upTo);
  }
}

/**
 * Runs `fn` as background work (the host's sweeper): timers it starts inherit this, and each
 * of their store calls outside a transaction lets the event loop take a turn first.
 */
export function runAsBackground<T>(fn: () => T): T {
  return backgroundScope.run(true, fn);
}

/** The store currently answering (tests and the local host may want it). */
export function currentLocalStore(): LocalStore | null {
  return current;
}

function offline(what: string): Error {
  return new Error(`local cloud: ${what} needs the network, which is disabled when the local cloud is installed`);
}

function closeNetwork(): void {
  const metadata = requireFromNodeSdk('./utils/metadata.js') as Record<string, unknown>;
  metadata.lookupAppId = async () => ''; // "not running inside Tencent Cloud", without asking
  metadata.lookup = async (path: string) => Promise.reject(offline(`metadata lookup ${path}`));
  metadata.lookupCredentials = async () => Promise.reject(offline('credential lookup'));

  // node-sdk 3.17.2 calls its credential check without awaiting it, so a missing secretId
  // becomes an unhandled rejection that kills the process. Offline there are no credentials
  // to check: every request below fails at the network instead, with a clear message.
  for (const [file, cls] of [
    ['./utils/tcbapirequester.js', 'TcbApiHttpRequester'],
    ['./utils/tcbopenapirequester.js', 'TcbOpenApiHttpRequester'],
    ['./utils/tcbopenapicommonrequester.js', 'TcbOpenApiHttpCommonRequester'],
  ] as const) {
    const mod = requireFromNodeSdk(file) as Record<
      string,
      { prototype: { prepareCredentials?: () => Promise<void> } } | undefined
    >;
    const proto = mod[cls]?.prototype;
    if (proto) proto.prepareCredentials = async () => undefined;
  }

  const core = requireFromNodeSdk('./utils/request-core.js') as Record<string, unknown>;
  core.request = (opts: { url?: string }, callback: (err: Error) => void) => {
    const req = new EventEmitter();
    process.nextTick(() => callback(offline(`request to ${opts?.url ?? 'CloudBase'}`)));
    return req;
  };

  const database = requireFromNodeSdk('@cloudbase/database') as { Db: { wsClass?: unknown } };
  database.Db.wsClass = class {
    constructor() {
      throw offline('realtime watch()');
    }
  };
}
