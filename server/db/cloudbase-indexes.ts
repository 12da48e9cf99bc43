// Prints the declared indexes (server/db/indexes.ts) in the shapes CloudBase wants:
// a readable list for creating them by hand in the console (数据库 → 集合 → 索引管理), and the
// `CreateIndexes` JSON of the CloudBase manager API (UpdateCollection / @cloudbase/manager-node
// `database.updateCollection`). Usage: npx tsx server/db/cloudbase-indexes.ts [--json]
import { INDEXES } from './indexes';

export interface CloudBaseCreateIndex {
  IndexName: string;
  MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: Array<{ Name: string; Direction: '1' | '-1' }> };
}

export function cloudBaseIndexes(): Record<string, CloudBaseCreateIndex[]> {
  const out: Record<string, CloudBaseCreateIndex[]> = {};
  for (const [collection, indexes] of Object.entries(INDEXES)) {
    out[collection] = indexes.map((ix) => ({
      IndexName: ix.name,
      MgoKeySchema: {
        MgoIsUnique: ix.unique === true,
        MgoIndexKeys: ix.fields.map(([name, dir]) => ({ Name: name, Direction: dir === 1 ? '1' : '-1' })),
      },
    }));
  }
  return out;
}

function consoleLines(): string[] {
  const lines: string[] = [];
  for (const [collection, indexes] of Object.entries(INDEXES)) {
    lines.push(`${collection}${indexes.length ? '' : '  (no indexes besides _id)'}`);
    for (const ix of indexes) {
      const fields = ix.fields.map(([p, d]) => `${p} ${d === 1 ? '升序 asc' : '降序 desc'}`).join(', ');
      lines.push(`  ${ix.name}: ${fields}${ix.unique ? '  [唯一 unique]' : ''}`);
    }
  }
  return lines;
}

if (process.argv[1] && /cloudbase-indexes\.ts$/.test(process.argv[1])) {
  console.log(
    process.argv.includes('--json') ? JSON.stringify(cloudBaseIndexes(), null, 2) : consoleLines().join('\n'),
  );
}
