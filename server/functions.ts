import type { ActionMap } from './runtime/action';
import { identityActions } from './features/identity/actions';
import { messageActions } from './features/messages/actions';
import { accountActions } from './features/accounts/actions';
import { postActions } from './features/posts/actions';
import { oversightActions } from './features/oversight/actions';
import { portalActions } from './features/portal/actions';

// Every deployable cloud function and its actions. cloudfunctions/<name>/index.ts exports
// createFunction(name, FUNCTIONS[name]); the local host serves the same map over HTTP.
export const FUNCTIONS = {
  identity: identityActions,
  messages: messageActions,
  accounts: accountActions,
  posts: postActions,
  oversight: oversightActions,
  portal: portalActions,
} satisfies Record<string, ActionMap>;

export type FunctionName = keyof typeof FUNCTIONS;
