import type { Envelope } from '@shared/core/envelope';
import { asEnvelope, networkFail } from './envelope-io';

// The transport without any platform wiring, so it can be unit-tested with fakes.

/** What is sent to a cloud function: `{ action, data }` plus any fields a decorator adds. */
export interface OutgoingRequest {
  fn: string;
  action: string;
  payload: { action: string; data?: object } & Record<string, unknown>;
}

/**
 * Runs on every request just before it is sent. The device-trust issue plugs in here to add
 * `device: { id, ts, nonce, sig }` to staff requests (it can look at `fn` and `action`).
 */
export type RequestDecorator = (req: OutgoingRequest) => OutgoingRequest | Promise<OutgoingRequest>;

export interface TransportDeps {
  /** Sends the payload to function `fn`; resolves with the raw result, may throw on network errors. */
  send(fn: string, payload: OutgoingRequest['payload']): Promise<unknown>;
  /** Called once on an Unauthenticated reply; resolve true if a fresh session was made and a retry is worthwhile. */
  renewSession?: () => Promise<boolean>;
}

export interface Transport {
  call<T>(fn: string, action: string, data?: object): Promise<Envelope<T>>;
  setRequestDecorator(decorator: RequestDecorator | null): void;
}

export function createTransport(deps: TransportDeps): Transport {
  let decorator: RequestDecorator | null = null;

  async function sendOnce<T>(fn: string, action: string, data?: object): Promise<Envelope<T>> {
    try {
      let req: OutgoingRequest = { fn, action, payload: data === undefined ? { action } : { action, data } };
      if (decorator) req = await decorator(req);
      return asEnvelope<T>(await deps.send(req.fn, req.payload));
    } catch {
      return networkFail();
    }
  }

  return {
    async call<T>(fn: string, action: string, data?: object) {
      const first = await sendOnce<T>(fn, action, data);
      if (first.ok || first.code !== 'Unauthenticated' || !deps.renewSession) return first;
      // A staff refusal with a reason (app locked, PIN not set, staff disabled) is not an expired
      // session: renewing would throw away the person's identity.
      if (first.details && typeof first.details.reason === 'string') return first;
      const renewed = await deps.renewSession().catch(() => false);
      return renewed ? sendOnce<T>(fn, action, data) : first;
    },
    setRequestDecorator(next) {
      decorator = next;
    },
  };
}
