import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { Envelope } from '@shared/core/envelope';
import type { StepUpPurpose } from '@shared/identity/policy';
import type { PostDetailView } from '@shared/posts/views';
import { getPost } from '../../services/posts';
import { needsStepUp, requestStepUp } from '../../services/stepup';
import { type Failed, failed } from '../../lib/load-state';

// Loads one post and runs its actions: each action reports its refusal in Chinese, a Conflict
// (someone else acted first) reloads the post and says what happened, and actions that need a
// fresh PIN ask for it first (and once more if the ticket was refused, e.g. it expired).

export type Load = { status: 'loading' } | Failed | { status: 'ready'; post: PostDetailView };

export function useDetail(id: string) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'error' | 'info' | 'warn'; text: string } | null>(null);

  const reload = useCallback(async () => {
    const res = await getPost(id);
    if (res.ok) setLoad({ status: 'ready', post: res.data });
    else setLoad((l) => (l.status === 'ready' ? l : failed(res)));
    return res;
  }, [id]);

  /**
   * Runs `call` (with a step-up ticket when `purpose` is given). Resolves the envelope, or null
   * when the person cancelled the PIN prompt. Field errors are left to the caller to show.
   */
  const act = useCallback(
    async <T>(
      name: string,
      call: (stepUpId: string) => Promise<Envelope<T>>,
      purpose?: StepUpPurpose,
      done?: string,
    ) => {
      if (busy) return null;
      setBusy(name);
      setNotice(null);
      try {
        let res: Envelope<T> | null = null;
        for (let attempt = 0; attempt < 2; attempt++) {
          const ticket = purpose ? await requestStepUp(purpose) : '';
          if (ticket === null) return null;
          res = await call(ticket);
          if (!purpose || !needsStepUp(res)) break;
        }
        if (!res) return null;
        if (res.ok) {
          if (done) void Taro.showToast({ title: done, icon: 'success' });
          await reload();
        } else if (res.code === 'Conflict' || res.code === 'InvalidTransition') {
          setNotice({ tone: 'warn', text: res.message });
          await reload();
        } else if (!res.fieldErrors) {
          setNotice({ tone: 'error', text: res.message });
        }
        return res;
      } finally {
        setBusy(null);
      }
    },
    [busy, reload],
  );

  return { load, reload, act, busy, notice, setNotice };
}
