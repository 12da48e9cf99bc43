// Chinese labels for the internal handling state shown in the staff inbox. The message state
// machine is not in shared/ yet; unknown states fall back to a neutral label, never a code name.

const STATE_LABELS: Record<string, string> = {
  submitted: '待受理',
  new: '待受理',
  pending: '待受理',
  accepted: '已受理',
  assigned: '已分办',
  transferred: '已转办',
  inProgress: '办理中',
  handling: '办理中',
  extended: '已延期',
  replyDrafted: '答复待审',
  replyPending: '答复待审',
  pendingApproval: '答复待审',
  replied: '已答复',
  answered: '已答复',
  closed: '已办结',
  rejected: '不予受理',
};

export function messageStateLabel(state: string): string {
  return STATE_LABELS[state] ?? '处理中';
}

/** Colour class for a state tag: waiting on us, done, or in between. */
export function messageStateTone(state: string): 'todo' | 'done' | 'doing' {
  if (['submitted', 'new', 'pending'].includes(state)) return 'todo';
  if (['replied', 'answered', 'closed'].includes(state)) return 'done';
  return 'doing';
}
