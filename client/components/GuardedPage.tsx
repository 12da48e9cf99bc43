import { View } from '@tarojs/components';
import { PageHeader } from './PageHeader';
import { ErrorView, LoadingView } from './StateViews';
import type { Failed } from '../lib/load-state';

// What a staff screen shows until it knows who is looking: the header and a spinner; when that
// fails, why and a retry; when the person may not use the screen, why and the way out.

export type Guard = { status: 'loading' } | Failed | { status: 'denied' };

export function GuardedPage(props: {
  title: string;
  className: string;
  guard: Guard;
  onRetry(): void;
  /** Why this person may not use the screen, and where to go instead. */
  denied: { message: string; actionText: string; onAction(): void };
}) {
  const { guard } = props;
  return (
    <View className={props.className}>
      <PageHeader title={props.title} />
      {guard.status === 'loading' ? <LoadingView /> : null}
      {guard.status === 'error' ? (
        <ErrorView message={guard.message} code={guard.code} onRetry={props.onRetry} />
      ) : null}
      {guard.status === 'denied' ? (
        <ErrorView message={props.denied.message} retryText={props.denied.actionText} onRetry={props.denied.onAction} />
      ) : null}
    </View>
  );
}
