import { z } from '../core/zod';
import { cursorSchema, pageSizeSchema, textSchema } from '../core/validators';
import { stepUpIdSchema } from '../identity/schemas';
import { IMPORT_CHANNELS, type importMessageInput } from '../messages/schemas';

// Import keys (issue 6 §6, 第二十五条): the information center gives the portal's mailbox and the
// 12345 platform one key each, so a machine imports messages under its own name, never a person's.

export type ImportChannel = (typeof IMPORT_CHANNELS)[number];

/** A key id is server-made; the prefix keeps it apart from phone (device) ids in shared stores. */
export const importKeyIdSchema = z
  .string({ error: '缺少密钥编号' })
  .regex(/^ik[A-Za-z0-9_-]{6,62}$/, { error: '密钥编号格式不正确' });

export const createImportKeyInput = z.strictObject({
  channel: z.enum(IMPORT_CHANNELS, { error: '来源渠道无效' }),
  name: textSchema('密钥名称', 2, 30),
  /** Creating a key hands a machine the power to file messages: a fresh PIN, like approving a phone. */
  stepUpId: stepUpIdSchema,
});
export type CreateImportKeyInput = z.input<typeof createImportKeyInput>;

export const listImportKeysInput = z.strictObject({ pageSize: pageSizeSchema, cursor: cursorSchema });

export const revokeImportKeyInput = z.strictObject({
  keyId: importKeyIdSchema,
  reason: textSchema('停用原因', 2, 100),
});
export type RevokeImportKeyInput = z.input<typeof revokeImportKeyInput>;

/** What a machine sends to POST …/import: exactly the payload of messages.import. */
export type PortalImportPayload = z.input<typeof importMessageInput>;

export interface ImportKeyView {
  keyId: string;
  channel: ImportChannel;
  name: string;
  status: 'active' | 'revoked';
  createdAt: number;
  createdByName: string;
  revokedAt: number | null;
  revokeReason: string | null;
}
