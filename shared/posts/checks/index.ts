import { checkFieldLink, checkTextLinks, findUrls } from './links';
import { findPersonalData } from './personal-data';
import { checkCorrectionApology, checkLength, checkRepostSource } from './rules';
import { summarize, type CheckHit, type CheckInput, type CheckReport } from './types';
import { findWords, type CompiledWords } from './words';

// The automatic checks before review (issue 5 §3), in one pure function the server runs on
// save and on submit. WeChat's content-security API is the server's business (it needs the
// network); its verdict is merged into the report there.

export * from './types';
export { compileWords, SECRECY_MARKERS, type WordEntry, type CompiledWords } from './words';

export interface CheckSettings {
  words: CompiledWords;
  portalDomains: readonly string[];
  rulesRev: number;
}

export function runChecks(input: CheckInput, settings: CheckSettings, now: number): CheckReport {
  const hits: CheckHit[] = [];
  const textFields: Array<[string, string]> = [
    ['title', input.title],
    ['body', input.body],
    ['sourceName', input.sourceName],
  ];
  for (const [field, text] of textFields) {
    if (!text) continue;
    hits.push(...findWords(field, text, settings.words));
    const urls = findUrls(text);
    hits.push(...findPersonalData(field, text, urls));
    if (field !== 'sourceName') hits.push(...checkTextLinks(field, text, settings.portalDomains));
  }
  input.links.forEach((link, i) => {
    hits.push(...findWords(`links.${i}`, link, settings.words));
    // A repost's links may point at the original (that is its attribution).
    if (input.kind !== 'repost') hits.push(...checkFieldLink(`links.${i}`, link, settings.portalDomains));
  });
  hits.push(...checkRepostSource(input), ...checkLength(input), ...checkCorrectionApology(input));
  const order = { blocking: 0, warning: 1, info: 2 } as const;
  hits.sort((a, b) => order[a.severity] - order[b.severity] || Number(a.overridable) - Number(b.overridable));
  return {
    hits,
    ...summarize(hits),
    contentSecurity: { status: 'notRun', message: '尚未调用微信内容安全检测' },
    rulesRev: settings.rulesRev,
    checkedAt: now,
  };
}
