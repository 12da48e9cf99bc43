// `npm run audit:verify`: walks the whole audit chain of the local store and reports every
// edited, deleted or reordered entry. Exit code 1 when the chain is broken.
import { verifyAuditChain } from '@server/runtime/audit';
import { openDataDir } from '@server/local/open-data';

async function main() {
  const { store, deps, dir } = openDataDir();
  const report = await verifyAuditChain(deps.db);
  store.close();
  console.log(`数据目录：${dir}`);
  if (report.ok) {
    console.log(`审计链完整：共校验 ${report.checked} 条记录，未发现篡改或删除。`);
    return;
  }
  console.log(`审计链被破坏（校验 ${report.checked} 条）：`);
  for (const p of report.problems) console.log(`  - ${p}`);
  process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
