import { useCallback, useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { people, type StaffOption } from '../../services/accounts';
import { usePagedList } from '../../hooks/usePagedList';
import { useSearchText } from '../../hooks/useSearchText';
import { Chips } from './Chips';
import { FailedNote } from '../../components/FailedNote';

// Choosing a responsible person or the holder (附件1): the unit's people with that role as
// one-tap chips, a page at a time. A big unit gets a name search and a “更多” chip.

export function PersonChips(props: {
  unitIds: string[];
  /** leader / reviewer / publisher; none: everyone of the units (the holder). */
  role?: string;
  value: string;
  /** Who is chosen, when they are not among the chips shown (e.g. a page further). */
  valueName?: string;
  empty: string;
  /** With one candidate and nobody chosen, choose them (the responsible people). */
  autoPick?: boolean;
  onPick(staffId: string): void;
}) {
  const { role, value, onPick } = props;
  const unitKey = props.unitIds.join(',');
  const { text, setText, q } = useSearchText();
  const load = useCallback(
    (cursor: string | null) => people({ unitIds: unitKey.split(','), role, q, cursor }),
    [unitKey, role, q],
  );
  const list = usePagedList<StaffOption>(load);
  const { refresh } = list;
  useEffect(() => {
    if (unitKey) void refresh({ clear: true });
  }, [unitKey, refresh]);

  const only =
    props.autoPick && list.status === 'ready' && !q && !list.hasMore && list.items.length === 1 ? list.items[0] : null;
  useEffect(() => {
    if (only && !value) onPick(only.staffId);
  }, [only, value, onPick]);

  const searchable = Boolean(q || text || list.hasMore);
  const shown = list.items.some((s) => s.staffId === value);
  return (
    <View>
      {searchable ? (
        <Input className="acc-input acc-person__search" value={text} placeholder="输入姓名查找" onChange={setText} />
      ) : null}
      {list.status === 'error' ? (
        <FailedNote
          className="acc-form-error"
          message={list.error ?? '人员加载失败'}
          code={list.errorCode}
          onRetry={() => void list.refresh()}
        />
      ) : list.status !== 'ready' ? (
        <Text className="zw-muted">正在加载人员…</Text>
      ) : (
        <Chips
          options={list.items.map((s) => ({ id: s.staffId, label: s.name, hint: s.title }))}
          value={value}
          onPick={onPick}
          empty={q ? '没有找到这个人，换个字试试' : props.empty}
        />
      )}
      {list.hasMore || list.moreError ? (
        <Text className="acc-person__more" onClick={() => void list.loadMore()}>
          {list.loadingMore ? '加载中…' : list.moreError ? `${list.moreError}，点此重试` : '更多人员 ›'}
        </Text>
      ) : null}
      {value && !shown && list.status === 'ready' ? (
        <Text className="zw-muted">已选：{props.valueName ?? '（不在当前列表中，可输入姓名查找核对）'}</Text>
      ) : null}
    </View>
  );
}
