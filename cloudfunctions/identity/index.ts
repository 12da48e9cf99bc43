// Deployable entry of the `identity` cloud function; bundled to index.js by `npm run build:functions`.
import { createFunction } from '@server/runtime/main';
import { identityActions } from '@server/features/identity/actions';

export const main = createFunction('identity', identityActions);
