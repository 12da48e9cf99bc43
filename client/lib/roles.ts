// Chinese names of the role code names (DESIGN.md "Who uses it").

export const ROLE_LABELS: Record<string, string> = {
  citizen: '群众',
  publisher: '发布人员',
  reviewer: '审核人员',
  leader: '分管领导',
  unitAdmin: '单位管理员',
  infoCenter: '县政府信息中心',
  supervisor: '县政府督查室',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

export function roleLabels(roles: readonly string[]): string {
  return roles.map(roleLabel).join('、');
}
