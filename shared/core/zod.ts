// Every schema in the product imports `z` from here, so zod's built-in messages are Chinese
// (our own messages cover the common cases; the locale covers the rest, e.g. a wrong type).
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

z.config(zhCN());

export { z };
