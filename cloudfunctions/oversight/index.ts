// Deployable entry of the `oversight` cloud function; bundled to index.js by `npm run build:functions`.
// Its timer trigger (config.json) runs the rule sweep; every other call is an action.
import { createFunction } from '@server/runtime/main';
import { currentDeps } from '@server/runtime/config';
import { oversightActions } from '@server/features/oversight/actions';
import { runOversightSweep } from '@server/features/oversight/sweep';

const actions = createFunction('oversight', oversightActions);

export async function main(event: unknown, context?: unknown) {
  // A timer trigger calls with { Type: 'Timer', TriggerName } and no user: run the sweep.
  if (event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer') {
    const result = await runOversightSweep(currentDeps());
    return { ok: true, data: result };
  }
  return actions(event, context);
}
