import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { createImportKeyInput, listImportKeysInput, revokeImportKeyInput } from '@shared/portal/schemas';
import { CHANNEL_LABELS } from '@shared/messages/schemas';
import type { ActionContext } from '@server/runtime/action';
import { conflict, notFound } from '@server/runtime/errors';
import { pageNewestFirst } from '@server/runtime/paging';
import { getDoc, inTransaction, traceChange } from '@server/runtime/trace';
import { consumeStepUp } from '@server/features/identity/stepup';
import { IMPORT_KEYS, importKeyView, type ImportKeyDoc } from './model';

// The information center issues and revokes the import keys. Creating one hands a machine the
// power to file messages, so it takes a fresh PIN (as approving a phone does); revoking only
// takes power away and must never wait (as reporting a phone lost), so it is refused nothing
// but is audited with its reason.

/** Creates a key and returns its secret this once; afterwards nobody can read it again. */
export async function createImportKey(input: z.output<typeof createImportKeyInput>, ctx: ActionContext) {
  const staff = ctx.caller.staff!;
  const now = ctx.deps.now();
  const doc: ImportKeyDoc = {
    _id: `ik${ctx.deps.newId()}`,
    channel: input.channel,
    name: input.name,
    secret: randomBytes(32).toString('base64url'),
    status: 'active',
    createdAt: now,
    createdBy: staff._id,
    createdByName: staff.name,
    revokedAt: null,
    revokedBy: null,
    revokeReason: null,
  };
  await inTransaction(ctx, async (t) => {
    await consumeStepUp(t, ctx, input.stepUpId, 'importKey.create');
    const { _id, ...data } = doc;
    await t.collection(IMPORT_KEYS).doc(_id).set({ data });
    await traceChange(t, ctx, {
      target: { type: 'importKey', id: doc._id },
      details: { channel: doc.channel, channelLabel: CHANNEL_LABELS[doc.channel], name: doc.name },
    });
  });
  return { key: importKeyView(doc), secret: doc.secret };
}

export function listImportKeys(input: z.output<typeof listImportKeysInput>, ctx: ActionContext) {
  return pageNewestFirst<ImportKeyDoc, ReturnType<typeof importKeyView>>(
    ctx.deps.db,
    IMPORT_KEYS,
    {},
    input.pageSize,
    input.cursor,
    importKeyView,
  );
}

/** Revokes a key at once: its next request is refused. */
export async function revokeImportKey(input: z.output<typeof revokeImportKeyInput>, ctx: ActionContext) {
  const now = ctx.deps.now();
  return inTransaction(ctx, async (t) => {
    const key = await getDoc<ImportKeyDoc>(t, IMPORT_KEYS, input.keyId);
    if (!key) throw notFound('没有找到这个导入密钥');
    if (key.status === 'revoked') throw conflict('该导入密钥已停用', { status: key.status, revokedAt: key.revokedAt });
    const change = {
      status: 'revoked' as const,
      revokedAt: now,
      revokedBy: ctx.caller.staff!._id,
      revokeReason: input.reason,
    };
    await t.collection(IMPORT_KEYS).doc(key._id).update({ data: change });
    await traceChange(t, ctx, {
      target: { type: 'importKey', id: key._id },
      reason: input.reason,
      details: { channel: key.channel, name: key.name },
    });
    return importKeyView({ ...key, ...change });
  });
}
