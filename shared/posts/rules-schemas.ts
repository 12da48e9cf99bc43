import { z } from '../core/zod';
import { WORD_CATEGORIES, WORD_LEVELS } from './checks/words';

// The information center's settings for the automatic checks: the confidential-terms and
// sensitive-words lists (blocking or warning per word) and the county portal's domain.

export const WORD_MAX = 30;
export const WORDS_PER_CALL = 1000;

const wordSchema = z
  .string({ error: '请填写词语' })
  .trim()
  .min(1, { error: '请填写词语' })
  .max(WORD_MAX, { error: `词语不超过 ${WORD_MAX} 个字` });

export const addWordsInput = z.strictObject({
  words: z
    .array(
      z.strictObject({
        word: wordSchema,
        category: z.enum(WORD_CATEGORIES, { error: '请选择词表' }),
        level: z.enum(WORD_LEVELS, { error: '请选择处理方式' }).default('blocking'),
        note: z.string().trim().max(50).default(''),
      }),
    )
    .min(1, { error: '请至少填写一个词语' })
    .max(WORDS_PER_CALL, { error: `每次最多 ${WORDS_PER_CALL} 个词语` }),
});
export type AddWordsInput = z.input<typeof addWordsInput>;

export const removeWordsInput = z.strictObject({
  words: z.array(wordSchema).min(1).max(WORDS_PER_CALL),
});

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, { error: '请填写域名，如 www.yanchi.gov.cn' });

export const setDomainsInput = z.strictObject({
  portalDomains: z.array(domainSchema).min(1, { error: '至少保留一个门户网站域名' }).max(10),
});

export const wordsPageInput = z.strictObject({
  category: z.enum(WORD_CATEGORIES).optional(),
  query: z.string().trim().max(WORD_MAX).default(''),
  pageSize: z.number().int().min(1).max(100).default(50),
  offset: z.number().int().min(0).default(0),
});
