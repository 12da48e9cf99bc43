// Deployable entry of the `portal` cloud function: the information center's import keys (called
// from the mini program) and, through the HTTP access service (触发路径 e.g. /portal), the signed
// imports of the portal's mailbox and the 12345 platform. Bundled to index.js by `npm run build:functions`.
import { portalMain } from '@server/features/portal/entry';

export const main = portalMain;
