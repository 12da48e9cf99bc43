import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { getMe, type MeView } from '../../services/me';
import { currentPersona, listPersonas, type Persona } from '../../services/session';
import { IS_WEAPP } from '../../services/env';
import { describePersona } from './identity';
import './index.scss';

// Citizen home: two big entries, the staff workbench for staff, and the demo identity bar on H5.

interface EntryProps {
  title: string;
  desc: string;
  mark: string;
  tone: 'red' | 'blue' | 'green';
  onTap: () => void;
}

function Entry({ title, desc, mark, tone, onTap }: EntryProps) {
  return (
    <View className={`home-entry home-entry--${tone}`} onClick={onTap} hoverClass="home-entry--pressed">
      <View className="home-entry__mark">{mark}</View>
      <View className="home-entry__body">
        <Text className="home-entry__title">{title}</Text>
        <Text className="home-entry__desc">{desc}</Text>
      </View>
      <Text className="home-entry__arrow">›</Text>
    </View>
  );
}

export default function HomePage() {
  const [me, setMe] = useState<MeView | null>(null);
  const [offline, setOffline] = useState(false);
  const [demoMode, setDemoMode] = useState(false);
  const [persona, setPersona] = useState<Persona | null>(null);

  const load = useCallback(async () => {
    const [meRes, personasRes] = await Promise.all([getMe(), IS_WEAPP ? null : listPersonas()]);
    setOffline(!meRes.ok && meRes.code === 'Internal');
    setMe(meRes.ok ? meRes.data : null);
    setDemoMode(Boolean(personasRes?.ok));
    setPersona(currentPersona());
  }, []);

  useDidShow(() => {
    void load();
  });

  const go = (url: string) => () => void Taro.navigateTo({ url });
  const staff = me?.staff ?? null;

  return (
    <View className="home">
      {demoMode ? (
        <View className="home-identity">
          <Text className="home-identity__text">当前身份：{describePersona(persona)}</Text>
          <Text className="home-identity__switch" onClick={go('/pages/demo/index')}>
            切换身份
          </Text>
        </View>
      ) : null}

      <View className="home-banner">
        <Text className="home-banner__title">盐池县政务新媒体</Text>
        <Text className="home-banner__subtitle">群众留言 · 件件有回音</Text>
      </View>

      <View className="home-entries">
        <Entry
          title="写留言"
          desc="向县直部门、乡镇（街道）咨询、投诉、建议"
          mark="写"
          tone="red"
          onTap={go('/pages/messages/compose/index')}
        />
        <Entry
          title="我的留言"
          desc="查看办理进度和答复"
          mark="查"
          tone="blue"
          onTap={go('/pages/messages/mine/index')}
        />
        <Entry
          title="公开答复"
          desc="看看别人问过什么、单位怎么答复"
          mark="答"
          tone="green"
          onTap={go('/pages/board/index')}
        />
        <Entry
          title="政务账号名录"
          desc="全县政务微博、微信账号，扫码关注"
          mark="号"
          tone="green"
          onTap={go('/pages/directory/index')}
        />
        <Entry
          title="我的"
          desc={staff ? `${staff.name}：角色、设备、PIN` : '工作人员登记、绑定本机'}
          mark="我"
          tone="blue"
          onTap={go('/pages/me/index')}
        />
        {staff && staff.status === 'active' && staff.roles.length > 0 ? (
          <Entry
            title="工作台"
            desc={`${staff.name}，处理本单位收到的群众留言`}
            mark="办"
            tone="green"
            onTap={go('/staff/inbox/index')}
          />
        ) : null}
        {staff &&
        staff.status === 'active' &&
        staff.roles.some((r) => ['publisher', 'reviewer', 'leader', 'infoCenter'].includes(r.role)) ? (
          <Entry
            title="信息发布"
            desc="撰写、审核、审批本账号的政务信息"
            mark="发"
            tone="red"
            onTap={go('/posts/home/index')}
          />
        ) : null}
        {staff && staff.status === 'active' && staff.roles.length > 0 ? (
          <Entry
            title="督查与值班"
            desc="督查看板、通报、舆情、值班表、突发事件"
            mark="督"
            tone="red"
            onTap={go('/oversight/hub/index')}
          />
        ) : null}
      </View>

      {offline ? <Text className="home-offline">暂时连不上服务器，部分功能可能不可用</Text> : null}

      <View className="home-footer">
        <Text>盐池县人民政府办公室 主办</Text>
        <Text>留言将转交相关单位办理，请如实填写</Text>
      </View>
    </View>
  );
}
