import {
  ACCOUNT_STATUS_LABELS,
  REFILING_STATE_LABELS,
  type AccountStatus,
  type RefilingState,
} from '@shared/accounts/states';

// How a state looks in lists: its Chinese label and the tag colour (todo red, doing amber, done green).

export function statusLabel(status: AccountStatus, refiling: RefilingState | null): string {
  if (status === 'active' && refiling) return REFILING_STATE_LABELS[refiling];
  return ACCOUNT_STATUS_LABELS[status] ?? status;
}

export function statusTone(status: AccountStatus, refiling: RefilingState | null): 'todo' | 'doing' | 'done' | '' {
  if (status === 'active') return refiling ? 'doing' : 'done';
  if (status === 'closed' || status === 'withdrawn') return '';
  if (status === 'returned') return 'todo';
  return 'doing';
}
