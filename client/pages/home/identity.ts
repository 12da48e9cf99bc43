import type { Persona } from '../../services/session';

/** "王强（县政府信息中心 主任）", or the anonymous citizen; roles are listed on the switcher page. */
export function describePersona(persona: Persona | null): string {
  if (!persona) return '群众（匿名访客）';
  if (persona.kind === 'citizen') return `${persona.name}（群众）`;
  const where = [persona.unitName, persona.title].filter(Boolean).join(' ');
  return where ? `${persona.name}（${where}）` : persona.name;
}
