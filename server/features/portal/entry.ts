import type { Envelope } from '@shared/core/envelope';
import { createFunction } from '@server/runtime/main';
import { portalActions } from './actions';
import { serveMachine, type HttpEvent, type HttpResult } from './machine';

// The `portal` function's one entry, deployed (cloudfunctions/portal) and local (the harness, the
// host's POST /api/portal/*): an HTTP access event goes to the signed machine path, anything else
// is a mini program call through the usual shell (where `portal.import` refuses every person).
const fromMiniProgram = createFunction('portal', portalActions);

const isHttpEvent = (event: unknown): event is HttpEvent =>
  !!event &&
  typeof event === 'object' &&
  typeof (event as HttpEvent).httpMethod === 'string' &&
  typeof (event as HttpEvent).path === 'string';

export function portalMain(event: unknown, context?: unknown): Promise<Envelope<unknown> | HttpResult> {
  return isHttpEvent(event) ? serveMachine(portalActions, event) : fromMiniProgram(event, context);
}
