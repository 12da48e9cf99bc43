import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import type { NotComputedView } from '@shared/oversight/views';

// The numbers asked for have not been computed (the server says so: a fresh county before the
// first refresh, a new month before the timer's next run, a month older than the snapshot keeps).
// The page then shows why and what is happening instead of numbers, which would all read 0 and
// look like a result ("0 件", "100 分", "没有需要整改的单位").

const PENDING_POLL_MS = 5000;
const TIMER_POLL_MS = 15000;

export function NotComputed(props: { view: NotComputedView; progress?: string }) {
  const progress = props.progress ?? props.view.progress;
  return (
    <View className="ov-card ov-card--warn">
      <Text className="ov-card__title">尚未计算</Text>
      <Text className="ov-card__sub">{props.view.reason}，此处暂不显示得分和各项数字。</Text>
      {progress ? <Text className="ov-card__sub">{progress}</Text> : null}
    </View>
  );
}

/** While the numbers are coming (a refresh queued, under way or due), asks again now and then. */
export function useReloadWhileComputing(view: NotComputedView | null | undefined, reload: () => void) {
  const waiting = Boolean(view && view.progress);
  const pending = Boolean(view?.pending);
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(reload, pending ? PENDING_POLL_MS : TIMER_POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, pending, reload]);
}
