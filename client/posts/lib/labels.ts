import {
  POST_STATE_LABELS,
  DELIVERY_STATE_LABELS,
  type DeliveryState,
  type PostState,
} from '@shared/posts/transitions';

// Colours of the post states on cards and headers (todo: someone must act; doing: in the chain;
// done: out; plain: closed).

export type Tone = 'todo' | 'doing' | 'done' | 'plain';

export const STATE_TONES: Record<PostState, Tone> = {
  draft: 'plain',
  returned: 'todo',
  submitted: 'doing',
  reviewed: 'doing',
  approved: 'doing',
  published: 'done',
  corrected: 'done',
  withdrawn: 'plain',
};

export const stateLabel = (s: PostState) => POST_STATE_LABELS[s] ?? s;
export const deliveryLabel = (s: DeliveryState) => DELIVERY_STATE_LABELS[s] ?? s;
