import { useCallback, useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { unitCases, type CaseKind } from '../../services/oversight';
import { usePagedList } from '../../hooks/usePagedList';
import { EmptyView } from '../../components/StateViews';
import { PagedView } from '../../components/PagedView';
import { LEVEL_TEXT, when } from '../common/format';

// The cases behind a number: each overdue message or open alert with why it counts (rule, source).
export function Cases({ unitId, kind }: { unitId: string; kind: CaseKind }) {
  const load = useCallback((cursor: string | null) => unitCases(unitId, kind, cursor), [unitId, kind]);
  const list = usePagedList(load);
  const { refresh } = list;
  useEffect(() => {
    void refresh({ clear: true });
  }, [refresh]);

  return (
    <PagedView
      list={list}
      className="ov-cases"
      empty={<EmptyView title="没有需要处理的事项" description="这里列出构成该数字的每一件事" />}
    >
      {(items) =>
        items.map((c) => (
          <View
            key={c.id}
            className={`ov-card${c.level === 'red' ? ' ov-card--red' : c.level === 'warn' ? ' ov-card--warn' : ''}`}
          >
            <View className="ov-row">
              <Text className="ov-card__title">{c.title}</Text>
              {c.level ? <Text className={`ov-tag ov-tag--${c.level}`}>{LEVEL_TEXT[c.level]}</Text> : null}
            </View>
            <Text className="ov-card__sub">{c.detail}</Text>
            <Text className="ov-card__sub">时限：{when(c.at)}</Text>
            {c.source ? <Text className="ov-card__sub">依据：{c.source}</Text> : null}
          </View>
        ))
      }
    </PagedView>
  );
}
