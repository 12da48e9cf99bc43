import {
  acknowledgeInput,
  alertsInput,
  assignIncidentInput,
  bulletinIdInput,
  casesInput,
  correctionInput,
  dashboardInput,
  declareEventInput,
  dutyNowInput,
  emptyInput,
  endEventInput,
  escalateIncidentInput,
  eventIdInput,
  exportBulletinInput,
  generateBulletinInput,
  handleIncidentInput,
  handoverInput,
  incidentIdInput,
  issueBulletinInput,
  linkClarificationInput,
  listBulletinsInput,
  listEventsInput,
  listIncidentsInput,
  recordIncidentInput,
  recordMilestoneInput,
  ruleHistoryInput,
  saveRosterInput,
  trendsInput,
  unitBulletinsInput,
  unitDetailInput,
  unitInput,
  updateBulletinInput,
  updateRulesInput,
} from '@shared/oversight/schemas';
import { defineAction, type ActionMap } from '@server/runtime/action';
import { pageNewestFirst } from '@server/runtime/paging';
import { cases, dashboard, trends, unitDetail } from './dashboard';
import { currentRules, ruleHistory, toRulesView, updateRules } from './rules-store';
import { refreshStatus, requestRefresh } from './refresh';
import { ALERTS, type AlertDoc } from './model';
import { toAlertView } from './alerts';
import {
  acknowledgeBulletin,
  generateBulletin,
  issueBulletin,
  listBulletins,
  readVisible,
  reportCorrection,
  toBulletinView,
  unitBulletins,
  updateBulletin,
} from './bulletins';
import { exportBulletin } from './export';
import {
  assignIncident,
  escalateIncident,
  getIncident,
  handleIncident,
  incidentUnit,
  linkClarification,
  listIncidents,
  recordIncident,
} from './incidents';
import { rosterView, saveRoster, unitStaff, writeHandover } from './duty';
import { countyDutyNow } from './duty-now';
import { countyOfficeId, declareEvent, endEvent, eventView, listEvents, recordMilestone } from './emergency';

const byUnit = (input: { unitId: string }) => input.unitId;
const maybeUnit = (input: { unitId?: string }) => input.unitId ?? null;
const office = (_input: unknown, ctx: { deps: { db: Parameters<typeof countyOfficeId>[0] } }) =>
  countyOfficeId(ctx.deps.db);

// The oversight cloud function (issue 7): the supervision dashboard and its drill-downs, the
// rule settings, bulletins, opinion incidents, the duty roster and emergency mode.
export const oversightActions: ActionMap = {
  'oversight.dashboard': defineAction({ input: dashboardInput, run: (i, ctx) => dashboard(ctx.deps.db, i.month, ctx) }),
  'oversight.unit': defineAction({
    input: unitDetailInput,
    targetUnit: byUnit,
    run: (i, ctx) => unitDetail(ctx.deps.db, i.unitId, i.month, ctx.deps.now()),
  }),
  'oversight.cases': defineAction({
    input: casesInput,
    targetUnit: byUnit,
    run: (i, ctx) => cases(ctx.deps.db, i, ctx.deps.now()),
  }),
  'oversight.trends': defineAction({
    input: trendsInput,
    targetUnit: maybeUnit,
    run: (i, ctx) => trends(ctx.deps.db, i, ctx.deps.now()),
  }),
  'oversight.alerts': defineAction({
    input: alertsInput,
    targetUnit: byUnit,
    run: (i, ctx) =>
      pageNewestFirst<AlertDoc, ReturnType<typeof toAlertView>>(
        ctx.deps.db,
        ALERTS,
        { unitId: i.unitId, state: i.state },
        i.pageSize,
        i.cursor,
        toAlertView,
      ),
  }),
  // Records the request and answers at once; the timer's sweep does the work (refresh.ts).
  'oversight.refresh': defineAction({ input: emptyInput, run: (_i, ctx) => requestRefresh(ctx) }),
  'oversight.refreshStatus': defineAction({
    input: emptyInput,
    run: (_i, ctx) => refreshStatus(ctx.deps.db, ctx.deps.now()),
  }),
  'oversight.rules': defineAction({
    input: emptyInput,
    run: async (_i, ctx) => toRulesView(await currentRules(ctx.deps.db)),
  }),
  'oversight.rulesUpdate': defineAction({ input: updateRulesInput, run: updateRules }),
  'oversight.rulesHistory': defineAction({ input: ruleHistoryInput, run: (i, ctx) => ruleHistory(ctx.deps.db, i) }),

  'bulletins.generate': defineAction({ input: generateBulletinInput, run: generateBulletin }),
  'bulletins.list': defineAction({ input: listBulletinsInput, run: (i, ctx) => listBulletins(ctx.deps.db, i) }),
  'bulletins.get': defineAction({
    input: bulletinIdInput,
    targetUnit: maybeUnit,
    run: async (i, ctx) => toBulletinView(await readVisible(ctx.deps.db, i, ctx), ctx, i.unitId),
  }),
  'bulletins.update': defineAction({ input: updateBulletinInput, run: updateBulletin }),
  'bulletins.issue': defineAction({ input: issueBulletinInput, run: issueBulletin }),
  'bulletins.export': defineAction({
    input: exportBulletinInput,
    targetUnit: maybeUnit,
    run: async (i, ctx) => exportBulletin(await readVisible(ctx.deps.db, i, ctx), i.format),
  }),
  'bulletins.forUnit': defineAction({
    input: unitBulletinsInput,
    targetUnit: byUnit,
    run: async (i, ctx) => ({ items: await unitBulletins(ctx.deps.db, i.unitId, ctx) }),
  }),
  'bulletins.acknowledge': defineAction({ input: acknowledgeInput, targetUnit: byUnit, run: acknowledgeBulletin }),
  'bulletins.reportCorrection': defineAction({ input: correctionInput, targetUnit: byUnit, run: reportCorrection }),

  'incidents.record': defineAction({ input: recordIncidentInput, run: recordIncident }),
  'incidents.list': defineAction({
    input: listIncidentsInput,
    targetUnit: maybeUnit,
    run: (i, ctx) => listIncidents(ctx.deps.db, i, ctx),
  }),
  'incidents.get': defineAction({
    input: incidentIdInput,
    targetUnit: incidentUnit,
    run: (i, ctx) => getIncident(ctx.deps.db, i.id, ctx),
  }),
  'incidents.assign': defineAction({ input: assignIncidentInput, targetUnit: incidentUnit, run: assignIncident }),
  'incidents.handle': defineAction({ input: handleIncidentInput, targetUnit: incidentUnit, run: handleIncident }),
  'incidents.escalate': defineAction({ input: escalateIncidentInput, targetUnit: incidentUnit, run: escalateIncident }),
  'incidents.linkClarification': defineAction({
    input: linkClarificationInput,
    targetUnit: incidentUnit,
    run: linkClarification,
  }),

  'duty.get': defineAction({
    input: unitInput,
    targetUnit: byUnit,
    run: (i, ctx) => rosterView(ctx.deps.db, i.unitId, ctx.deps.now(), ctx),
  }),
  'duty.save': defineAction({ input: saveRosterInput, targetUnit: byUnit, run: saveRoster }),
  'duty.handover': defineAction({ input: handoverInput, targetUnit: byUnit, run: writeHandover }),
  'duty.staff': defineAction({
    input: unitInput,
    targetUnit: byUnit,
    run: async (i, ctx) => ({ items: await unitStaff(ctx.deps.db, i.unitId) }),
  }),
  'duty.now': defineAction({ input: dutyNowInput, run: countyDutyNow }),

  'emergencyEvents.declare': defineAction({ input: declareEventInput, targetUnit: office, run: declareEvent }),
  'emergencyEvents.list': defineAction({ input: listEventsInput, run: (i, ctx) => listEvents(ctx.deps.db, i, ctx) }),
  'emergencyEvents.get': defineAction({ input: eventIdInput, run: (i, ctx) => eventView(ctx.deps.db, i.id, ctx) }),
  'emergencyEvents.record': defineAction({ input: recordMilestoneInput, targetUnit: office, run: recordMilestone }),
  'emergencyEvents.end': defineAction({ input: endEventInput, targetUnit: office, run: endEvent }),
};
