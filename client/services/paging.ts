// The optional arguments of a paged list call, omitted when empty so the server's defaults apply.

/** The cursor from the previous page; none on the first. */
export const cursorArg = (cursor?: string | null) => (cursor ? { cursor } : {});

/** A picker's search text, trimmed; none when blank. */
export const searchArg = (q?: string | null) => (q?.trim() ? { q: q.trim() } : {});
