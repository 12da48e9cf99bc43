// Deployable entry of the `public` cloud function (HTTP access: GET /public/*); bundled to
// index.js by `npm run build:functions`. No caller identity: everything here is public.
import { handlePublic, type HttpEvent } from './router';

export const main = (event: HttpEvent) => handlePublic(event);
