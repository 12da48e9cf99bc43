// Deployable entry of the `posts` cloud function; bundled to index.js by `npm run build:functions`.
import { createFunction } from '@server/runtime/main';
import { postActions } from '@server/features/posts/actions';

export const main = createFunction('posts', postActions);
