import type { ImportChannel, ImportKeyView } from '@shared/portal/schemas';

// Import keys: one per machine that files messages from another channel (the portal's mailbox,
// the 12345 platform). The secret is the HMAC key the machine signs with; no view returns it.
export const IMPORT_KEYS = 'importKeys';

export interface ImportKeyDoc {
  _id: string;
  channel: ImportChannel;
  name: string;
  /** base64url text of 32 random bytes, shown once at creation; the HMAC key as-is. */
  secret: string;
  status: 'active' | 'revoked';
  createdAt: number;
  createdBy: string;
  createdByName: string;
  revokedAt: number | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

export function importKeyView(k: ImportKeyDoc): ImportKeyView {
  return {
    keyId: k._id,
    channel: k.channel,
    name: k.name,
    status: k.status,
    createdAt: k.createdAt,
    createdByName: k.createdByName,
    revokedAt: k.revokedAt,
    revokeReason: k.revokeReason,
  };
}
