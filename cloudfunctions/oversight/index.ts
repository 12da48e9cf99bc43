// Deployable entry of the `oversight` cloud function; bundled to index.js by `npm run build:functions`.
// Its timer trigger (config.json, every minute) runs one slice of the refresh: the next units of
// a refresh under way, or the first ones of a new refresh when a 立即刷新 request is queued or
// the numbers are older than 10 minutes (server/features/oversight/refresh.ts, which quotes the
// platform's time limits). A slice stops starting units after OVERSIGHT_SLICE_MS (environment
// variable; 20 000 by default), so set this function's timeout to 60 s (the most the mini
// program's console allows): a slice then ends well inside it, and one that is killed anyway is
// taken over by a later minute. Every other call is an action.
import { createFunction } from '@server/runtime/main';
import { currentDeps } from '@server/runtime/config';
import { callerOpenid } from '@server/runtime/cloud';
import { oversightActions } from '@server/features/oversight/actions';
import { runScheduledOversight } from '@server/features/oversight/refresh';

const actions = createFunction('oversight', oversightActions);

export async function main(event: unknown, context?: unknown) {
  // A timer trigger calls with { Type: 'Timer', TriggerName } and no user: run a slice if one is due.
  // A person sending the same shape from the mini program has an OPENID and goes to the actions.
  if (event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer' && !callerOpenid()) {
    return { ok: true, data: await runScheduledOversight(currentDeps()) };
  }
  return actions(event, context);
}
