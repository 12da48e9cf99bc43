import { cpus, totalmem, platform, release, arch } from 'node:os';

// The machine a figure was measured on, written beside every result.
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  os: string;
  node: string;
  sqlite: string;
}

export function describeMachine(sqliteVersion = ''): Machine {
  const c = cpus();
  return {
    cpus: c.length,
    cpuModel: c[0]?.model?.trim() ?? 'unknown',
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    sqlite: sqliteVersion,
  };
}

export function machineLine(m: Machine): string {
  return `${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB RAM, ${m.os}, Node ${m.node}${m.sqlite ? `, SQLite ${m.sqlite}` : ''}`;
}
