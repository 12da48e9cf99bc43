// `npm run audit:story [fromSeq]`: prints the local audit trail as a story, one line per entry.
import { auditStory } from '@server/runtime/audit-story';
import { openDataDir } from '@server/local/open-data';

async function main() {
  const { store, deps } = openDataDir();
  const lines = await auditStory(deps.db, { fromSeq: Number(process.argv[2] ?? 1) || 1 });
  store.close();
  console.log(lines.length ? lines.join('\n') : '审计记录为空。');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
