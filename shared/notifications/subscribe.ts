// WeChat subscribe messages (订阅消息): a notice reaches a phone outside the app only if its person
// has said yes to that template in the mini program (wx.requestSubscribeMessage, from a tap). The
// operator maps notice kinds to template ids in SUBSCRIBE_TEMPLATES (JSON, `"*"` for the rest); the
// sweeper sends with it and the mini program asks for the same ids — one table, both sides.

/** The notices a citizen receives (about their own message); every other kind goes to staff. */
export const CITIZEN_NOTICE_KINDS = [
  'message.accepted',
  'message.routed',
  'message.transferred',
  'message.answered',
  'message.extended',
] as const;

/** WeChat shows at most 3 templates in one request. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

export type SubscribeTemplates = Record<string, string>;

/** SUBSCRIBE_TEMPLATES as configured; anything malformed counts as "none configured". */
export function parseSubscribeTemplates(raw: string | undefined): SubscribeTemplates {
  try {
    const parsed: unknown = JSON.parse(raw ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (e): e is [string, string] => typeof e[1] === 'string' && e[1].length > 0 && e[1].length <= 128,
      ),
    );
  } catch {
    return {};
  }
}

/** The template ids to ask a citizen or a member of staff for (distinct, at most 3, most specific first). */
export function templatesFor(audience: 'citizen' | 'staff', templates: SubscribeTemplates): string[] {
  const citizen = new Set<string>(CITIZEN_NOTICE_KINDS);
  const ids = Object.entries(templates)
    .filter(([kind]) => kind !== '*' && citizen.has(kind) === (audience === 'citizen'))
    .map(([, id]) => id);
  if (templates['*']) ids.push(templates['*']);
  return [...new Set(ids)].slice(0, MAX_TEMPLATES_PER_REQUEST);
}
