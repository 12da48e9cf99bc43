// Deployable entry of the `messages` cloud function; bundled to index.js by `npm run build:functions`.
import { createFunction } from '@server/runtime/main';
import { messageActions } from '@server/features/messages/actions';

export const main = createFunction('messages', messageActions);
