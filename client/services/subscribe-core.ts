// Asking for WeChat subscribe messages (订阅消息). WeChat only shows the consent sheet when
// wx.requestSubscribeMessage runs inside a tap, so the template ids are fetched beforehand
// (prefetch at launch) and the tap only asks — never waits for the network first. Without
// consent a notice stays in the in-app inbox only; nothing here blocks the action itself.

export interface SubscribeDeps {
  /** The server's template ids for this person (notices.subscribeTemplates). */
  fetchIds(): Promise<string[] | null>;
  /** wx.requestSubscribeMessage; its answer is the person's business. */
  request(tmplIds: string[]): Promise<unknown>;
}

export function createSubscriber(deps: SubscribeDeps) {
  let ids: string[] | null = null;
  let pending: Promise<void> | null = null;
  return {
    /** Fetches the ids once (again after a failure); safe to call often. */
    prefetch(): Promise<void> {
      if (ids !== null) return Promise.resolve();
      pending ??= deps
        .fetchIds()
        .then((got) => {
          ids = got;
        })
        .catch(() => undefined)
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    /** Call first thing in a tap handler: shows WeChat's sheet when there is something to ask for. */
    ask(): void {
      if (!ids?.length) {
        void this.prefetch();
        return;
      }
      void deps.request(ids).catch(() => undefined);
    },
  };
}
