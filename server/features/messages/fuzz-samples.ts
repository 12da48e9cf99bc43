// Fuzz samples for the message photo actions (for test/fuzz/samples.ts to spread, like the posts
// rows): a valid call for each, by the person who may make it, in a fresh demo county.
import type { Sample, SampleEnv } from '../../../test/fuzz/lib/sample-env';
import { P, message } from './testkit';

const OWNER = 'fuzz-photo-owner';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(256, 9)]).toString('base64');

const upload = async (e: SampleEnv) =>
  (await e.ok<{ photoId: string }>('messages', 'messages.uploadPhoto', { mime: 'image/jpeg', data: JPEG }, OWNER))
    .photoId;

export const PHOTO_FUZZ_SAMPLES: Record<string, Sample> = {
  'messages.uploadPhoto': { as: () => OWNER, payload: () => ({ mime: 'image/jpeg', data: JPEG }) },
  'messages.registerPhoto': {
    as: () => OWNER,
    payload: () => ({ fileId: 'cloud://zhengwu-demo.7a68/message-photos/fuzz-sample.jpg' }),
  },
  'messages.photo': { as: () => OWNER, payload: async (e) => ({ photoId: await upload(e) }) },
  'messages.staffPhoto': {
    unit: 'u-education',
    as: () => P.eduPub,
    payload: async (e) => {
      const photoId = await upload(e);
      const sent = await e.ok<{ _id: string }>('messages', 'messages.submit', message({ photos: [photoId] }), OWNER);
      return { id: sent._id, photoId };
    },
  },
};
