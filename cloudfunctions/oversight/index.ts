// Deployable entry of the `oversight` cloud function; bundled to index.js by `npm run build:functions`.
// Its timer trigger (config.json, every minute) runs the rule sweep when it is due — a 立即刷新
// request is queued, or the numbers are older than 10 minutes (refresh.ts); every other call is an action.
import { createFunction } from '@server/runtime/main';
import { currentDeps } from '@server/runtime/config';
import { callerOpenid } from '@server/runtime/cloud';
import { oversightActions } from '@server/features/oversight/actions';
import { runScheduledOversight } from '@server/features/oversight/refresh';

const actions = createFunction('oversight', oversightActions);

export async function main(event: unknown, context?: unknown) {
  // A timer trigger calls with { Type: 'Timer', TriggerName } and no user: run the sweep if due.
  // A person sending the same shape from the mini program has an OPENID and goes to the actions.
  if (event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer' && !callerOpenid()) {
    return { ok: true, data: await runScheduledOversight(currentDeps()) };
  }
  return actions(event, context);
}
