import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { PageHeader } from '../../components/PageHeader';
import { replaceDevice } from '../../services/device';
import { queryParam } from '../../lib/params';
import { FALLBACK_NOTICE, NOTICE_TEXTS, type NoticeAction } from './texts';
import './index.scss';

// A plain refusal the person cannot fix on this screen: a lost phone, a disabled account, an
// outdated WeChat. Shows the server's message and the one or two ways forward.

const LABELS: Record<NoticeAction, string> = {
  rebind: '重新申请绑定本机',
  bind: '绑定本机',
  me: '查看我的',
  home: '返回首页',
};

export default function NoticePage() {
  const { params } = useRouter();
  const reason = queryParam(params.reason);
  const message = queryParam(params.message);
  const text = NOTICE_TEXTS[reason] ?? FALLBACK_NOTICE;
  const [busy, setBusy] = useState(false);

  const act = async (a: NoticeAction) => {
    if (a === 'home') return void Taro.reLaunch({ url: '/pages/home/index' });
    if (a === 'me') return void Taro.redirectTo({ url: '/pages/me/index' });
    if (a === 'bind') return void Taro.redirectTo({ url: '/pages/bind/index' });
    // A new device id and secret; the old ones stay refused on the server.
    setBusy(true);
    await replaceDevice();
    setBusy(false);
    void Taro.redirectTo({ url: '/pages/bind/index' });
  };

  return (
    <View className="notice">
      <PageHeader title="无法继续办理" />
      <View className="notice-body">
        <View className="notice-body__mark">!</View>
        <Text className="notice-body__title">{text.title}</Text>
        {message ? <Text className="notice-body__message">{message}</Text> : null}
        <Text className="zw-muted notice-body__hint">{text.hint}</Text>
        <View className="notice-body__actions">
          {text.actions.map((a, i) => (
            <Button
              key={a}
              block
              type="primary"
              fill={i === 0 ? 'solid' : 'outline'}
              loading={busy && a === 'rebind'}
              disabled={busy}
              onClick={() => void act(a)}
            >
              {LABELS[a]}
            </Button>
          ))}
        </View>
      </View>
    </View>
  );
}
