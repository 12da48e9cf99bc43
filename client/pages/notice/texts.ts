import { SECURITY_POLICY } from '@shared/identity/policy';

// What the refusal page says for each reason the server gives (details.reason). The server's own
// message is shown too; this adds a headline and what the person can do next.

export type NoticeAction = 'rebind' | 'me' | 'home' | 'bind';

export interface NoticeText {
  title: string;
  hint: string;
  actions: NoticeAction[];
}

export const NOTICE_TEXTS: Record<string, NoticeText> = {
  'device-revoked': {
    title: '本机已挂失或停用',
    hint: '挂失的设备不能再办理业务。如手机已找回或换了新手机，可以重新申请绑定，须经单位管理员批准。',
    actions: ['rebind', 'home'],
  },
  'device-foreign': {
    title: '这台设备绑定在其他人名下',
    hint: '一台设备只能绑定一位工作人员。可以为本机生成新的设备身份，再申请绑定。',
    actions: ['rebind', 'home'],
  },
  'bad-signature': {
    title: '本机的设备凭据无效',
    hint: '本机保存的设备密钥与登记时不一致（可能清除过小程序数据）。请重新绑定本机。',
    actions: ['rebind', 'home'],
  },
  'client-outdated': {
    title: '微信版本过低',
    hint: `请把微信升级到最新版本（基础库 ${SECURITY_POLICY.minSdkVersion} 以上），然后重新打开小程序。`,
    actions: ['home'],
  },
  'staff-disabled': {
    title: '您的工作人员账号已停用',
    hint: '停用后，您的设备和登录都已失效。如有疑问，请联系本单位管理员。您仍可以群众身份写留言。',
    actions: ['home'],
  },
  'staff-pending': {
    title: '您的登记还在等待审批',
    hint: '单位管理员批准后才能办理业务。您可以先绑定本机，批准后设置 PIN。',
    actions: ['me', 'bind', 'home'],
  },
};

export const FALLBACK_NOTICE: NoticeText = {
  title: '暂时不能办理',
  hint: '如有疑问，请联系本单位管理员。',
  actions: ['me', 'home'],
};
