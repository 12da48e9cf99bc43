import cloud from 'wx-server-sdk';
import { installLocalCloud, openLocalStore } from '../index';

// Child process for durability.test.ts: writes through the SDK against a file store and prints
// "ACK <what>" after each write is acknowledged, forever, until the parent SIGKILLs it.
const file = process.argv[2];
installLocalCloud(openLocalStore({ file }));
cloud.init({ env: 'durability' });
const db = cloud.database();

async function main(): Promise<void> {
  for (let i = 0; ; i++) {
    const res = (await db.collection('notes').add({ data: { _id: `n${i}`, i } })) as { _id: string };
    process.stdout.write(`ACK doc ${res._id}\n`);
    await db.runTransaction(async (t: { collection(n: string): ReturnType<typeof db.collection> }) => {
      await t
        .collection('notes')
        .doc(`n${i}`)
        .update({ data: { inTx: true } });
      await t.collection('audit').add({ data: { _id: `a${i}`, note: `n${i}` } });
    });
    process.stdout.write(`ACK tx ${i}\n`);
  }
}
void main();
