import type { IncomingMessage, ServerResponse } from 'node:http';
import { portalMain } from '@server/features/portal/entry';
import type { HttpResult } from '@server/features/portal/machine';
import { runAsCaller } from '../wx-context';
import { answerWhenDurable } from '../cloud';
import { BodyTooLarge, fail, readBodyBytes } from './http-util';

// POST /api/portal/<route>: a machine's signed import, handed to the `portal` function as the
// event CloudBase's HTTP access service delivers (path, httpMethod, headers, body in base64) and
// with no WeChat caller, so the local host runs exactly the production code path.
export async function servePortalHttp(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  let body: Buffer;
  try {
    body = await readBodyBytes(req);
  } catch (e) {
    if (e instanceof BodyTooLarge) fail(res, 413, 'InvalidParameter', '请求内容过大（上限 1 MB）');
    else fail(res, 400, 'InvalidParameter', '请求读取失败');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://local');
  const event = {
    path,
    httpMethod: req.method ?? 'GET',
    headers: req.headers as Record<string, string>,
    queryStringParameters: Object.fromEntries(url.searchParams),
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
  const result = (await answerWhenDurable(() => runAsCaller(null, () => portalMain(event, {})))) as HttpResult;
  const bytes = Buffer.from(result.body, 'utf8');
  res.writeHead(result.statusCode, { ...result.headers, 'content-length': bytes.length });
  res.end(bytes);
}
