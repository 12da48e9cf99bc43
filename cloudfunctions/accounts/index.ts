// Deployable entry of the `accounts` cloud function; bundled to index.js by `npm run build:functions`.
import { createFunction } from '@server/runtime/main';
import { accountActions } from '@server/features/accounts/actions';

export const main = createFunction('accounts', accountActions);
