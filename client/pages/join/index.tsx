import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { FieldErrors } from '@shared/core/envelope';
import { PageHeader } from '../../components/PageHeader';
import { FieldError } from '../../components/FieldError';
import { redeemInvite } from '../../services/identity';
import { IS_WEAPP } from '../../services/env';
import { roleLabel } from '../../lib/roles';
import { checkJoin, inviteCodeFromParams, normaliseCode, EMPTY_JOIN, type JoinForm } from './form';
import './index.scss';

// 使用邀请码: a new member of staff enters the one-time code from their unit admin (72 hours),
// with 姓名, 职务 and 手机号码. Then: bind this phone, wait for approval, set a PIN.

function Field(props: { label: string; error?: string; children: ReactNode }) {
  return (
    <View className="join-field">
      <Text className="join-field__label">{props.label}</Text>
      {props.children}
      <FieldError message={props.error} />
    </View>
  );
}

export default function JoinPage() {
  const { params } = useRouter();
  const [form, setForm] = useState<JoinForm>(() => ({ ...EMPTY_JOIN, code: inviteCodeFromParams(params) }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ role: string; status: string } | null>(null);

  const update = (patch: Partial<JoinForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  };

  const submit = async () => {
    if (busy) return;
    setFormError(null);
    const check = checkJoin(form);
    if (!check.ok) {
      setErrors(check.fieldErrors);
      return;
    }
    setBusy(true);
    const res = await redeemInvite(check.input);
    setBusy(false);
    if (res.ok) {
      setDone({ role: res.data.role, status: res.data.status });
      return;
    }
    if (res.fieldErrors && Object.keys(res.fieldErrors).length) setErrors(res.fieldErrors);
    setFormError(res.message);
  };

  if (done) {
    const steps =
      done.status === 'active'
        ? ['绑定本机', '设置 6 位 PIN']
        : ['绑定本机：在这台手机上申请绑定', '等待单位管理员批准您的登记和本机', '设置 6 位 PIN，然后就可以办理业务'];
    return (
      <View className="join">
        <PageHeader title="使用邀请码" />
        <View className="join-body">
          <View className="zw-card join-done">
            <View className="join-done__mark">✓</View>
            <Text className="join-done__title">登记已提交</Text>
            <Text className="zw-muted">
              您申请的角色：{roleLabel(done.role)}
              {done.status === 'active' ? '（已生效）' : '（待单位管理员批准）'}
            </Text>
            <Text className="join-done__next">接下来：</Text>
            {steps.map((s, i) => (
              <View key={s} className="join-done__step">
                <Text className="join-done__no">{i + 1}</Text>
                <Text>{s}</Text>
              </View>
            ))}
            <View className="join-done__actions">
              <Button block type="primary" onClick={() => void Taro.redirectTo({ url: '/pages/bind/index' })}>
                绑定本机
              </Button>
            </View>
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="join">
      <PageHeader title="使用邀请码" />
      <View className="join-body">
        <Text className="zw-notice">
          邀请码由本单位管理员生成，8 位，72 小时内有效，只能使用一次。登记后还需绑定本机并经管理员批准。
        </Text>
        <View className="zw-card">
          <Field label="邀请码" error={errors.code}>
            <Input
              className="join-input join-input--code"
              value={form.code}
              placeholder="8 位字母或数字"
              maxLength={12}
              onChange={(v: string) => update({ code: normaliseCode(v) })}
            />
          </Field>
          <Field label="姓名" error={errors.name}>
            <Input
              className="join-input"
              value={form.name}
              placeholder="真实姓名"
              maxLength={20}
              onChange={(v: string) => update({ name: v })}
            />
          </Field>
          <Field label="职务" error={errors.title}>
            <Input
              className="join-input"
              value={form.title}
              placeholder="例如：办公室科员"
              maxLength={30}
              onChange={(v: string) => update({ title: v })}
            />
          </Field>
          <Field label="手机号码" error={errors.mobile}>
            <Input
              className="join-input"
              type={IS_WEAPP ? 'number' : 'tel'}
              value={form.mobile}
              placeholder="11 位手机号码"
              maxLength={11}
              onChange={(v: string) => update({ mobile: v })}
            />
            <Text className="zw-muted">只有本单位管理员能看到</Text>
          </Field>
        </View>
        {formError ? <Text className="zw-notice zw-notice--error">{formError}</Text> : null}
        <Button block type="primary" size="large" loading={busy} disabled={busy} onClick={() => void submit()}>
          提交登记
        </Button>
      </View>
    </View>
  );
}
