import { DEMO_PIN } from '../support/cloud-harness';
import type { Sample } from './lib/sample-env';
import { POST_FUZZ_SAMPLES } from '../../server/features/posts/fuzz-samples';
import { PHOTO_FUZZ_SAMPLES } from '../../server/features/messages/fuzz-samples';
import { ACCOUNT_SAMPLES } from './samples/accounts';
import { MESSAGE_SAMPLES } from './samples/messages';
import { OVERSIGHT_SAMPLES } from './samples/oversight';
import { PORTAL_SAMPLES } from './samples/portal';

// Fuzz coverage: one valid, real call for every action the cloud functions accept (the rows of
// each feature live in test/fuzz/samples/<feature>.ts, or with the feature, and are spread here). The fuzzer
// takes each sample apart into hostile variants (test/fuzz/payloads.test.ts) and replays it from
// the wrong callers and devices (test/fuzz/callers.test.ts). test/fuzz/coverage.test.ts fails
// when an action in server/functions.ts has no row here, so a new action cannot ship unfuzzed:
// add a row with who may call it and a payload that succeeds against the demo county.

const PIN_COUNTER = [
  {
    collection: 'staff',
    field: 'pinGuard',
    why: 'a wrong PIN is counted on the person even though the call is refused (5 in a row lock PIN entry)',
  },
];

const IDENTITY_AND_INTAKE: Record<string, Sample> = {
  // ---- identity: directory and who am I
  'units.list': { as: (e) => e.citizen(), payload: () => ({}) },
  'me.get': { as: (e) => e.citizen(), payload: () => ({}) },

  // ---- identity: onboarding
  'invites.create': {
    unit: 'u-education',
    as: (e) => e.staff('s-edu-admin'),
    payload: () => ({ unitId: 'u-education', role: 'publisher' }),
  },
  'invites.open': {
    unit: 'u-education',
    as: (e) => e.staff('s-edu-admin'),
    payload: () => ({ unitId: 'u-education' }),
  },
  'invites.cancel': {
    unit: 'u-education',
    as: (e) => e.staff('s-edu-admin'),
    payload: async (e) => ({ code: await e.invite('u-education', 'publisher') }),
  },
  'invites.redeem': {
    as: (e) => e.citizen(),
    payload: async (e) => ({
      code: await e.invite('u-education', 'publisher'),
      name: '王小红',
      title: '办公室科员',
      mobile: '13995318888',
    }),
  },
  'staff.list': {
    unit: 'u-education',
    as: (e) => e.staff('s-edu-admin'),
    payload: () => ({ unitId: 'u-education' }),
  },
  'staff.decide': {
    unit: 'u-education',
    as: (e) => e.staff('s-edu-admin'),
    payload: async (e) => ({ staffId: (await e.pendingStaff('u-education', 'reviewer')).staffId, approve: true }),
  },
  'staff.disable': {
    unit: 'u-education',
    as: (e) => e.staff('s-edu-admin'),
    payload: () => ({ staffId: 's-edu-publisher', reason: '调离本单位' }),
  },
  'staff.unlock': {
    unit: 'u-education',
    as: (e) => e.staff('s-edu-admin'),
    payload: () => ({ staffId: 's-edu-publisher' }),
  },

  // ---- identity: devices
  'devices.register': {
    as: (e) => e.staff('s-hmc-publisher'),
    payload: () => ({
      deviceId: 'fuzzdevice0000000001',
      secret: 'ab'.repeat(32),
      info: { brand: 'HUAWEI', model: 'Mate 60', system: 'HarmonyOS 4', platform: 'android', sdkVersion: '3.4.0' },
    }),
  },
  'devices.mine': { as: (e) => e.staff('s-edu-publisher'), payload: () => ({}) },
  'devices.unit': {
    unit: 'u-education',
    as: (e) => e.staff('s-edu-admin'),
    payload: () => ({ unitId: 'u-education' }),
  },
  'devices.approve': {
    unit: 'u-education',
    as: (e) => e.staff('s-edu-admin'),
    payload: async (e) => ({
      deviceId: await e.pendingDevice(e.staff('s-edu-reviewer')),
      stepUpId: await e.stepUp(e.staff('s-edu-admin'), 'device.change'),
    }),
  },
  'devices.reportLost': {
    as: (e) => e.staff('s-edu-reviewer'),
    payload: async (e) => ({ deviceId: await e.pendingDevice(e.staff('s-edu-reviewer')), reason: '手机丢失' }),
  },

  // ---- identity: PIN, lock, step-up, security log
  'pin.set': {
    as: (e) => e.staff('s-edu-publisher'),
    payload: () => ({ pin: '135792', currentPin: DEMO_PIN }),
    refusalMayChange: PIN_COUNTER,
  },
  'session.unlock': {
    as: (e) => e.staff('s-edu-publisher'),
    payload: () => ({ pin: DEMO_PIN }),
    refusalMayChange: PIN_COUNTER,
  },
  'session.lock': { as: (e) => e.staff('s-edu-publisher'), payload: () => ({}) },
  'stepup.verify': {
    as: (e) => e.staff('s-edu-admin'),
    payload: () => ({ purpose: 'device.change', pin: DEMO_PIN }),
    refusalMayChange: PIN_COUNTER,
  },
  'stepup.challenge': {
    as: (e) => e.staff('s-edu-admin'),
    payload: () => ({ purpose: 'device.change' }),
  },
  'security.events': {
    unit: 'u-education',
    as: (e) => e.staff('s-edu-admin'),
    payload: () => ({ unitId: 'u-education' }),
  },
  'security.reportCapture': {
    as: (e) => e.staff('s-edu-publisher'),
    payload: () => ({ page: 'staff/inbox/index', kind: 'screenshot' }),
  },

  // ---- citizen messages
  'messages.submit': {
    as: (e) => e.citizen(),
    payload: () => ({
      unitId: 'u-huamachi',
      category: 'help',
      title: '路灯坏了',
      content: '村里的路灯坏了好几天，晚上出行不便。',
      phone: '13912345678',
      allowPublish: false,
    }),
  },
  'messages.mine': { as: (e) => e.citizen(), payload: () => ({ pageSize: 20 }) },
  'messages.inbox': {
    unit: 'u-education',
    as: (e) => e.staff('s-edu-publisher'),
    payload: () => ({ unitId: 'u-education' }),
  },
};

export const SAMPLES: Record<string, Sample> = {
  ...IDENTITY_AND_INTAKE,
  ...MESSAGE_SAMPLES,
  ...ACCOUNT_SAMPLES,
  ...POST_FUZZ_SAMPLES,
  ...PHOTO_FUZZ_SAMPLES,
  ...OVERSIGHT_SAMPLES,
  ...PORTAL_SAMPLES,
};
