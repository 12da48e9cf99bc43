import type { Sample } from '../lib/sample-env';

// The information center's import keys, and the machine import they allow: `portal.import` is
// called as the key (the harness signs it over the HTTP access path), every person is refused.
export const PORTAL_SAMPLES: Record<string, Sample> = {
  'importKeys.create': {
    as: (e) => e.staff('s-infocenter'),
    payload: async (e) => ({
      channel: 'portal',
      name: '县政府门户网站',
      stepUpId: await e.stepUp(e.staff('s-infocenter'), 'importKey.create'),
    }),
    revealsSecret: { path: 'secret', why: "the new key's secret is shown this once, to be given to the machine" },
  },
  'importKeys.list': { as: (e) => e.staff('s-infocenter'), payload: () => ({ pageSize: 20 }) },
  'importKeys.revoke': {
    as: (e) => e.staff('s-infocenter'),
    payload: async (e) => ({ keyId: (await e.cloud.importKey('hotline12345')).keyId, reason: '密钥疑似泄露' }),
  },
  'portal.import': {
    as: async (e) => (await e.cloud.importKey('hotline12345')).caller,
    payload: () => ({
      channel: 'hotline12345',
      externalId: '12345-20261127-0099',
      unitId: 'u-huamachi',
      category: 'complaint',
      title: '小区路灯不亮',
      content: '花马池镇东城小区北门路灯已经一周不亮，夜间出行不便。',
      phone: '13811113333',
      allowPublish: false,
      receivedAt: Date.UTC(2026, 10, 26, 2, 0),
    }),
  },
};
