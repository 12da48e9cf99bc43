import ExcelJS from 'exceljs';
import { ACCOUNT_TYPE_LABELS, PLATFORM_LABELS } from '@shared/accounts/contract';
import { formatChinaDate } from '@shared/accounts/deadlines';
import { ACCOUNT_STATUS_LABELS, REFILING_STATE_LABELS } from '@shared/accounts/states';
import type { UnitDoc } from '@server/features/identity/units';
import type { AccountDoc } from './model';
import { flagOf } from './views';

// The registry as an Excel workbook: sheet 名录 is what the county publishes (第二十三条: every
// account in one place, no people or phones); sheet 备案信息 is the information center's own
// record with the three responsible people of 附件1 and every filing's state and lateness.

export async function registryWorkbook(
  accounts: AccountDoc[],
  units: Map<string, UnitDoc>,
  now: number,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '盐池县政府信息中心';
  wb.created = new Date(now);
  const unitName = (id: string) => units.get(id)?.name ?? '（已撤销单位）';
  const order = (a: AccountDoc) => units.get(a.owningUnitId)?.order ?? 9999;
  const sorted = [...accounts].sort(
    (x, y) => order(x) - order(y) || x.platform.localeCompare(y.platform) || x._id.localeCompare(y._id),
  );

  const pub = wb.addWorksheet('名录');
  pub.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '单位', key: 'unit', width: 18 },
    { header: '账号名称', key: 'name', width: 22 },
    { header: '平台', key: 'platform', width: 12 },
    { header: '类型', key: 'type', width: 14 },
    { header: '账号/微信号', key: 'pid', width: 20 },
    { header: '链接', key: 'link', width: 32 },
    { header: '开通时间', key: 'opened', width: 12 },
  ];
  sorted
    .filter((a) => a.status === 'active')
    .forEach((a, i) =>
      pub.addRow({
        n: i + 1,
        unit: unitName(a.owningUnitId),
        name: a.name,
        platform: PLATFORM_LABELS[a.platform],
        type: ACCOUNT_TYPE_LABELS[a.type],
        pid: a.platformAccountId,
        link: a.link,
        opened: a.openedAt !== null ? formatChinaDate(a.openedAt) : '',
      }),
    );

  const reg = wb.addWorksheet('备案信息');
  reg.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '主管部门', key: 'unit', width: 16 },
    { header: '管理部门', key: 'managing', width: 16 },
    { header: '账号名称', key: 'name', width: 22 },
    { header: '平台', key: 'platform', width: 12 },
    { header: '类型', key: 'type', width: 14 },
    { header: '状态', key: 'status', width: 22 },
    { header: '开通时间', key: 'opened', width: 12 },
    { header: '备案受理时间', key: 'accepted', width: 14 },
    { header: '备案提醒', key: 'flag', width: 22 },
    { header: '分管领导', key: 'leader', width: 26 },
    { header: '审核人员', key: 'reviewer', width: 26 },
    { header: '发布人员', key: 'publisher', width: 26 },
    { header: 'QQ号', key: 'qq', width: 14 },
  ];
  const who = (p: AccountDoc['responsible']['leader']) => `${p.name}（${p.title}）${p.phone}`;
  sorted.forEach((a, i) => {
    const flag = flagOf(a, now);
    reg.addRow({
      n: i + 1,
      unit: unitName(a.owningUnitId),
      managing: unitName(a.managingUnitId),
      name: a.name,
      platform: PLATFORM_LABELS[a.platform],
      type: ACCOUNT_TYPE_LABELS[a.type],
      status: ACCOUNT_STATUS_LABELS[a.status] + (a.refiling ? `；${REFILING_STATE_LABELS[a.refiling.state]}` : ''),
      opened: a.openedAt !== null ? formatChinaDate(a.openedAt) : '',
      accepted: a.filing.acceptedAt ? formatChinaDate(a.filing.acceptedAt) : '',
      flag: flag?.text ?? '',
      leader: who(a.responsible.leader),
      reviewer: who(a.responsible.reviewer),
      publisher: who(a.responsible.publisher),
      qq: a.qq,
    });
  });
  for (const ws of [pub, reg]) {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
