// Deployable entry of the `sweeper` cloud function: the deadline sweeper on a timer trigger
// (config.json, every 5 minutes). It reminds, escalates and auto-closes messages and sends the
// pending WeChat subscribe messages. Bundled to index.js by `npm run build:functions`.
import { callerOpenid, getCloud } from '@server/runtime/cloud';
import { currentDeps } from '@server/runtime/config';
import { runSweep } from '@server/features/sweeper';
import { subscribeMessageSender, type SubscribeApi } from '@server/features/notifications/outbox';
import { parseSubscribeTemplates } from '@shared/notifications/subscribe';

export const main = async () => {
  // A timer trigger carries no caller; a person calling this function from the mini program is refused.
  if (callerOpenid()) return { ok: false, code: 'Forbidden', message: '该云函数只由定时触发器调用' };
  // SUBSCRIBE_TEMPLATES: JSON `{ "<notice kind>" | "*": "<template id>" }`, set on this function and on
  // `messages` (which tells the mini program what to ask for).
  const sender = subscribeMessageSender(
    getCloud() as unknown as SubscribeApi,
    parseSubscribeTemplates(process.env.SUBSCRIBE_TEMPLATES),
  );
  return { ok: true, data: await runSweep(currentDeps(), { sender }) };
};
