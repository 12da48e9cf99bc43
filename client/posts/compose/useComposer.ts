import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldErrors } from '@shared/core/envelope';
import type { CheckReport } from '@shared/posts/checks/types';
import type { PostState } from '@shared/posts/transitions';
import type { PostAccountView } from '@shared/posts/views';
import { createPost, getPost, submitPost, updatePost } from '../../services/posts';
import { readJson, removeKey, writeJson } from '../../services/storage';
import { checkForm, EMPTY_FORM, formErrors, fromContent, restoreForm, sameForm, type PostForm } from '../lib/form';
import { type Failed, failed } from '../../lib/load-state';

// The compose page's state: the form (kept in storage until the server has it), the saved post
// (id, rev, version), the latest check report, and the save and submit calls. Nothing typed is
// lost on an error: the form is only replaced by what the server returns when loading.

export interface Saved {
  id: string;
  rev: number;
  version: number;
  state: PostState;
  returnedReason: string | null;
  canEdit: boolean;
  editRefusal: string | null;
  /** The post's account, as the server knows it (it may be past the first page of the picker). */
  account: PostAccountView | null;
}

export type LoadState = { status: 'loading' } | Failed | { status: 'ready' };

const key = (id: string | null) => `zw.posts.draft.${id ?? 'new'}`;

export function useComposer(initialId: string | null) {
  const [form, setForm] = useState<PostForm>(() => restoreForm(readJson(key(initialId))) ?? { ...EMPTY_FORM });
  const [restored, setRestored] = useState(() => restoreForm(readJson(key(initialId))) !== null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [savedForm, setSavedForm] = useState<PostForm | null>(null);
  const [load, setLoad] = useState<LoadState>(initialId ? { status: 'loading' } : { status: 'ready' });
  const [checks, setChecks] = useState<CheckReport | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const storedKey = useRef(key(initialId));

  const reload = useCallback(async (id: string, keepForm: boolean) => {
    const res = await getPost(id);
    if (!res.ok) return setLoad(failed(res));
    const p = res.data;
    const fromServer = fromContent(p.account._id, p.content);
    setSaved({
      id: p._id,
      rev: p.rev,
      version: p.version,
      state: p.state,
      returnedReason: p.state === 'returned' ? (p.returned?.reason ?? null) : null,
      canEdit: p.allowedActions.includes('edit'),
      editRefusal: p.refusals.edit ?? null,
      account: p.account,
    });
    setSavedForm(fromServer);
    setChecks(p.checks);
    if (!keepForm) setForm(fromServer);
    setLoad({ status: 'ready' });
  }, []);

  useEffect(() => {
    if (initialId) void reload(initialId, restoreForm(readJson(key(initialId))) !== null);
  }, [initialId, reload]);

  // The typed form lives in storage until the server has exactly it.
  useEffect(() => {
    if (savedForm && sameForm(form, savedForm)) removeKey(storedKey.current);
    else if (!sameForm(form, EMPTY_FORM)) writeJson(storedKey.current, form);
  }, [form, savedForm]);

  const update = useCallback((patch: Partial<PostForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((prev) => {
      const next = { ...prev };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  }, []);

  const dirty = !savedForm || !sameForm(form, savedForm);

  /** Saves to the server; returns the saved post's id and rev, or null (errors are shown). */
  const save = async (): Promise<{ id: string; rev: number } | null> => {
    const checked = checkForm(form);
    if (!checked.ok) {
      setErrors(checked.fieldErrors);
      setMessage({ tone: 'error', text: '请按提示修改后再保存' });
      return null;
    }
    if (saved && !dirty) return { id: saved.id, rev: saved.rev };
    const { accountId, ...content } = checked.input;
    const res = saved
      ? await updatePost({ id: saved.id, rev: saved.rev, ...content })
      : await createPost(checked.input);
    void accountId;
    if (!res.ok) {
      if (res.fieldErrors) setErrors(formErrors(res.fieldErrors));
      setMessage({ tone: 'error', text: res.message });
      if (res.code === 'Conflict' && saved) void reload(saved.id, true);
      return null;
    }
    const d = res.data;
    if (!saved) {
      removeKey(storedKey.current);
      storedKey.current = key(d._id);
    }
    setSaved((s) => ({
      id: d._id,
      rev: d.rev,
      version: d.version,
      state: s?.state ?? 'draft',
      returnedReason: s?.returnedReason ?? null,
      canEdit: true,
      editRefusal: null,
      account: s?.account ?? null,
    }));
    setSavedForm(form);
    setChecks(d.checks);
    setRestored(false);
    return { id: d._id, rev: d.rev };
  };

  const onSave = async () => {
    if (busy) return;
    setBusy('save');
    setMessage(null);
    const ok = await save();
    setBusy(null);
    if (ok) setMessage({ tone: 'info', text: '已保存草稿' });
  };

  /** Saves if needed, then submits; returns the post id when it went to review. */
  const onSubmit = async (): Promise<string | null> => {
    if (busy) return null;
    setBusy('submit');
    setMessage(null);
    const s = await save();
    if (!s) {
      setBusy(null);
      return null;
    }
    const res = await submitPost(s.id, s.rev);
    setBusy(null);
    if (res.ok) {
      removeKey(storedKey.current);
      return s.id;
    }
    const report = res.details?.checks as CheckReport | undefined;
    if (report) setChecks(report);
    setMessage({
      tone: 'error',
      text: res.code === 'ContentRisk' ? `${res.message}（问题已在下方标出）` : res.message,
    });
    if (res.code === 'Conflict' || res.code === 'InvalidTransition') void reload(s.id, true);
    return null;
  };

  const discardLocal = () => {
    removeKey(storedKey.current);
    setRestored(false);
    setForm(savedForm ?? { ...EMPTY_FORM });
    setErrors({});
  };

  return {
    form,
    update,
    saved,
    /** The images the saved post holds (previewed through the post). */
    savedImages: savedForm?.images ?? [],
    load,
    checks,
    errors,
    message,
    busy,
    dirty,
    restored,
    onSave,
    onSubmit,
    discardLocal,
    reload,
  };
}
