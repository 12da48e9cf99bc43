import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { currentPersona, listPersonas, renewSession, signInAs, type Persona } from '../../services/session';
import { roleLabel } from '../../lib/roles';
import { deviceForPersona, deviceInfo } from '../../services/device';
import { DEMO_PIN } from '../../components/DemoPinHint';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { type Failed, failed } from '../../lib/load-state';
import './index.scss';

// H5 demo mode: try the product as a citizen or as a member of staff of some unit.

type Load = { status: 'loading' } | Failed | { status: 'ready'; personas: Persona[] };

function PersonaCard(props: { persona: Persona; current: boolean; busy: boolean; onPick: () => void }) {
  const { persona } = props;
  return (
    <View
      className={`demo-persona${props.current ? ' demo-persona--current' : ''}`}
      onClick={props.busy ? undefined : props.onPick}
    >
      <View className="demo-persona__head">
        <Text className="demo-persona__name">{persona.name}</Text>
        {persona.title ? <Text className="demo-persona__title">{persona.title}</Text> : null}
        {props.current ? <Text className="demo-persona__current">当前身份</Text> : null}
      </View>
      {persona.unitName ? <Text className="demo-persona__unit">{persona.unitName}</Text> : null}
      {persona.roles.length ? (
        <View className="demo-persona__roles">
          {persona.roles.map((r) => (
            <Text key={r} className="zw-tag">
              {roleLabel(r)}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export default function DemoPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const current = currentPersona();

  const fetchPersonas = useCallback(async () => {
    setLoad({ status: 'loading' });
    const res = await listPersonas();
    if (res.ok) setLoad({ status: 'ready', personas: res.data.personas ?? [] });
    else if (res.code === 'Internal') setLoad(failed(res));
    else setLoad({ status: 'error', message: '当前环境没有开放体验身份，只能以匿名群众身份使用。' });
  }, []);

  useEffect(() => {
    void fetchPersonas();
  }, [fetchPersonas]);

  const pick = async (persona: Persona) => {
    setBusy(true);
    // A staff persona's browser is bound and pre-approved by the demo host; it starts locked.
    const device = persona.kind === 'staff' ? await deviceForPersona(persona.id).catch(() => null) : null;
    const res = await signInAs(
      persona.id,
      device ? { id: device.id, secret: device.secret, info: { ...deviceInfo() } } : undefined,
    );
    setBusy(false);
    if (!res.ok) {
      void Taro.showToast({ title: res.message, icon: 'none' });
      return;
    }
    void Taro.showToast({ title: `已切换为${persona.name}`, icon: 'none' });
    // Staff start locked, as after a night away from the phone: the real lock screen asks for the PIN.
    void Taro.reLaunch({ url: persona.kind === 'staff' && device ? '/pages/lock/index' : '/pages/home/index' });
  };

  const backToGuest = async () => {
    setBusy(true);
    await renewSession();
    setBusy(false);
    void Taro.reLaunch({ url: '/pages/home/index' });
  };

  if (load.status !== 'ready') {
    return (
      <View className="demo">
        <PageHeader title="切换体验身份" />
        {load.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView
            message={load.message}
            onRetry={() => void Taro.reLaunch({ url: '/pages/home/index' })}
            retryText="返回首页"
          />
        )}
      </View>
    );
  }

  const groups: Array<{ label: string; items: Persona[] }> = [
    { label: '群众', items: load.personas.filter((p) => p.kind === 'citizen') },
    { label: '工作人员', items: load.personas.filter((p) => p.kind === 'staff') },
  ];

  return (
    <View className="demo">
      <PageHeader title="切换体验身份" />
      <View className="demo-body">
        <View className="demo-intro">
          <Text className="demo-intro__title">以…身份体验</Text>
          <Text className="demo-intro__desc">选择一个身份，即可看到该身份能用的功能。体验数据仅用于演示。</Text>
          <Text className="demo-intro__desc">
            工作人员身份会把本浏览器登记为其已批准的设备，首次进入需输入 PIN 解锁。
          </Text>
          <Text className="zw-demo-pin">演示 PIN：{DEMO_PIN}</Text>
        </View>
        {groups.map((g) =>
          g.items.length ? (
            <View key={g.label} className="demo-group">
              <Text className="demo-group__label">{g.label}</Text>
              {g.items.map((p) => (
                <PersonaCard
                  key={p.id}
                  persona={p}
                  current={current?.id === p.id}
                  busy={busy}
                  onPick={() => void pick(p)}
                />
              ))}
            </View>
          ) : null,
        )}
        <View className="demo-guest">
          <Button block fill="outline" type="primary" disabled={busy} onClick={() => void backToGuest()}>
            以匿名群众身份使用
          </Button>
        </View>
      </View>
    </View>
  );
}
