import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { ErrorView, LoadingView } from '../../components/StateViews';
import type { WhoState } from './useStaff';

// The states before a staff screen can show: loading, failed, not staff.
export function Gate(props: {
  who: WhoState;
  retry: () => void;
  children: (ready: Extract<WhoState, { status: 'ready' }>) => ReactNode;
}) {
  const { who } = props;
  if (who.status === 'loading') return <LoadingView />;
  if (who.status === 'error') return <ErrorView message={who.message} code={who.code} onRetry={props.retry} />;
  if (who.status === 'denied')
    return (
      <ErrorView
        message="督查与值班功能仅限已登记的工作人员使用"
        retryText="返回首页"
        onRetry={() => void Taro.reLaunch({ url: '/pages/home/index' })}
      />
    );
  return <>{props.children(who)}</>;
}
