import type {
  AlertView,
  BulletinListItem,
  BulletinView,
  CaseItem,
  DashboardView,
  DutyNowRow,
  EmergencyEventView,
  ExportView,
  IncidentView,
  Page,
  RosterView,
  RulesView,
  RuleVersionView,
  StaffOption,
  TrendPoint,
  UnitDetailView,
  UnitRowView,
} from '@shared/oversight/views';
import type {
  CaseKind,
  DeclareEventInput,
  RecordIncidentInput,
  SaveRosterInput,
  UpdateBulletinInput,
  UpdateRulesInput,
} from '@shared/oversight/schemas';
import type { Period } from '@shared/oversight/bulletin';
import type { EmergencyMilestone } from '@shared/oversight/emergency';
import type { RefreshStatusView } from '@shared/oversight/refresh';
import { cursorArg, searchArg } from './paging';
import { call } from './transport';

// The oversight cloud function (issue 7): dashboard and drill-downs, rules, bulletins, opinion
// incidents, duty roster and emergency mode. Pages call these, never the transport.

export type {
  AlertView,
  BulletinListItem,
  BulletinView,
  CaseItem,
  CaseKind,
  DashboardView,
  DutyNowRow,
  EmergencyEventView,
  ExportView,
  IncidentView,
  Page,
  RefreshStatusView,
  RosterView,
  RulesView,
  RuleVersionView,
  StaffOption,
  TrendPoint,
  UnitDetailView,
  UnitRowView,
};

const F = 'oversight';

export const dashboard = (month?: string) => call<DashboardView>(F, 'oversight.dashboard', month ? { month } : {});
export const unitDetail = (unitId: string, month?: string) =>
  call<UnitDetailView>(F, 'oversight.unit', { unitId, ...(month ? { month } : {}) });
export const unitCases = (unitId: string, kind: CaseKind, cursor?: string | null) =>
  call<Page<CaseItem>>(F, 'oversight.cases', { unitId, kind, ...cursorArg(cursor) });
export const trends = (unitId?: string, months = 6) =>
  call<TrendPoint[]>(F, 'oversight.trends', { ...(unitId ? { unitId } : {}), months });
export const unitAlerts = (unitId: string, state: 'open' | 'closed', cursor?: string | null) =>
  call<Page<AlertView>>(F, 'oversight.alerts', { unitId, state, ...cursorArg(cursor) });
/** Asks for a recomputation (answered at once); the timer runs it and refreshStatus follows it. */
export const refreshNow = () => call<RefreshStatusView>(F, 'oversight.refresh', {});
export const refreshStatus = () => call<RefreshStatusView>(F, 'oversight.refreshStatus', {});

export const getRules = () => call<RulesView>(F, 'oversight.rules', {});
export const updateRules = (input: UpdateRulesInput) => call<RulesView>(F, 'oversight.rulesUpdate', input);
export const ruleHistory = (cursor?: string | null) =>
  call<Page<RuleVersionView>>(F, 'oversight.rulesHistory', cursorArg(cursor));

export const generateBulletin = (period: Period) => call<BulletinView>(F, 'bulletins.generate', { period });
export const listBulletins = (cursor?: string | null) =>
  call<Page<BulletinListItem>>(F, 'bulletins.list', cursorArg(cursor));
export const getBulletin = (id: string, unitId?: string) =>
  call<BulletinView>(F, 'bulletins.get', { id, ...(unitId ? { unitId } : {}) });
export const updateBulletin = (input: UpdateBulletinInput) => call<BulletinView>(F, 'bulletins.update', input);
export const issueBulletin = (id: string, rev: number) => call<BulletinView>(F, 'bulletins.issue', { id, rev });
export const exportBulletin = (id: string, format: 'docx' | 'pdf', unitId?: string) =>
  call<ExportView>(F, 'bulletins.export', { id, format, ...(unitId ? { unitId } : {}) });
export const unitBulletins = (unitId: string) => call<{ items: BulletinView[] }>(F, 'bulletins.forUnit', { unitId });
export const acknowledgeBulletin = (id: string, unitId: string) =>
  call<BulletinView>(F, 'bulletins.acknowledge', { id, unitId });
export const reportCorrection = (id: string, unitId: string, text: string) =>
  call<BulletinView>(F, 'bulletins.reportCorrection', { id, unitId, text });

export const recordIncident = (input: RecordIncidentInput) => call<IncidentView>(F, 'incidents.record', input);
export const listIncidents = (args: { unitId?: string; cursor?: string | null }) =>
  call<Page<IncidentView>>(F, 'incidents.list', {
    ...(args.unitId ? { unitId: args.unitId } : {}),
    ...cursorArg(args.cursor),
  });
export const getIncident = (id: string) => call<IncidentView>(F, 'incidents.get', { id });
export const assignIncident = (id: string, handlerId: string) =>
  call<IncidentView>(F, 'incidents.assign', { id, handlerId });
export const handleIncident = (id: string, note: string) => call<IncidentView>(F, 'incidents.handle', { id, note });
export const escalateIncident = (id: string, report: string) =>
  call<IncidentView>(F, 'incidents.escalate', { id, report });
export const linkClarification = (id: string, postId: string) =>
  call<IncidentView>(F, 'incidents.linkClarification', { id, postId });

export const getRoster = (unitId: string) => call<RosterView>(F, 'duty.get', { unitId });
export const saveRoster = (input: SaveRosterInput) => call<RosterView>(F, 'duty.save', input);
export const writeHandover = (unitId: string, note: string) => call<RosterView>(F, 'duty.handover', { unitId, note });
export const unitStaff = (unitId: string) => call<{ items: StaffOption[] }>(F, 'duty.staff', { unitId });
/** 各单位当前值班 (county offices): each unit's person on duty now, or why nobody is; `q` narrows to
 * the units whose name holds it. */
export const dutyNow = (q: string, cursor?: string | null) =>
  call<Page<DutyNowRow>>(F, 'duty.now', { ...searchArg(q), ...cursorArg(cursor) });

export const declareEvent = (input: DeclareEventInput) => call<EmergencyEventView>(F, 'emergencyEvents.declare', input);
export const listEvents = (cursor?: string | null) =>
  call<Page<EmergencyEventView>>(F, 'emergencyEvents.list', cursorArg(cursor));
export const getEvent = (id: string) => call<EmergencyEventView>(F, 'emergencyEvents.get', { id });
export const recordMilestone = (id: string, milestone: EmergencyMilestone, note: string) =>
  call<EmergencyEventView>(F, 'emergencyEvents.record', { id, milestone, note });
export const endEvent = (id: string, note: string) => call<EmergencyEventView>(F, 'emergencyEvents.end', { id, note });
