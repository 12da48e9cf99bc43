import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { routeForRefusal } from '../services/guard-core';
import { registerStepUpPresenter, type StepUpRequest } from '../services/stepup';
import { PinPad } from './PinPad';
import { DemoPinHint } from './DemoPinHint';
import './StepUpPrompt.scss';

// The step-up sheet (PIN, and SOTER first where the phone offers it). Put one <StepUpPrompt /> on
// any page that calls requestStepUp():
// it checks the PIN with the server, shows the server's message on a wrong PIN (tries left,
// lockout) and resolves the single-use ticket, or null when the person cancels.

interface Open {
  req: StepUpRequest;
  resolve(id: string | null): void;
}

export function StepUpPrompt() {
  const [open, setOpen] = useState<Open | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const handle = useRef<ReturnType<typeof registerStepUpPresenter> | null>(null);

  useEffect(() => {
    handle.current = registerStepUpPresenter(
      (req) =>
        new Promise<string | null>((resolve) => {
          setPin('');
          setError(null);
          setBusy(false);
          setOpen({ req, resolve });
        }),
    );
    return () => handle.current?.remove();
  }, []);
  useDidShow(() => handle.current?.raise());

  const finish = (id: string | null) => {
    open?.resolve(id);
    setOpen(null);
    setPin('');
    setError(null);
  };

  // SOTER first where the phone offers it (started as the sheet opens); the PIN pad stays below.
  const runBiometric = async (req: StepUpRequest) => {
    if (!req.biometric || busy) return;
    setBusy(true);
    setError(null);
    const out = await req.biometric.run();
    setBusy(false);
    if (out.kind === 'ticket') return finish(out.stepUpId);
    if (out.kind === 'refused' && routeForRefusal(out.refusal)) return finish(null);
    setError(out.kind === 'refused' ? out.refusal.message : out.message);
  };
  const opened = open?.req;
  useEffect(() => {
    if (opened?.biometric) void runBiometric(opened);
    // only when a new request opens the sheet
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = async (value: string) => {
    if (!open || busy) return;
    setBusy(true);
    const res = await open.req.verify(value);
    setBusy(false);
    if (res.ok) return finish(res.data.stepUpId);
    setPin('');
    // Locked app, lost phone…: the guard has already taken the person to the right screen.
    if (routeForRefusal(res)) return finish(null);
    setError(res.message);
  };

  return (
    <Popup
      visible={open !== null}
      position="bottom"
      round
      closeable={!busy}
      title={open?.req.biometric ? `验证${open.req.biometric.label}或 PIN` : '验证 PIN'}
      onClose={() => finish(null)}
    >
      <View className="zw-stepup">
        <Text className="zw-stepup__purpose">{open ? `${open.req.label}前，请输入 6 位 PIN` : ''}</Text>
        <Text className="zw-stepup__note">验证后 5 分钟内有效，只能用于这一次操作</Text>
        {error ? <Text className="zw-stepup__error">{error}</Text> : null}
        {busy ? <Text className="zw-stepup__busy">正在验证…</Text> : null}
        {open?.req.biometric ? (
          <View className="zw-stepup__biometric">
            <Button block type="primary" fill="outline" disabled={busy} onClick={() => void runBiometric(open.req)}>
              使用{open.req.biometric.label}验证
            </Button>
            <Text className="zw-stepup__note">或输入 PIN</Text>
          </View>
        ) : null}
        <PinPad
          value={pin}
          onChange={setPin}
          onComplete={(v) => void submit(v)}
          disabled={busy}
          keyboard={open !== null}
        />
        <DemoPinHint />
        <View className="zw-stepup__cancel">
          <Button block fill="none" disabled={busy} onClick={() => finish(null)}>
            取消
          </Button>
        </View>
      </View>
    </Popup>
  );
}
