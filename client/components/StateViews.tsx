import { Text, View } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import type { ErrorCode } from '@shared/core/envelope';
import { retryMayHelp } from '../lib/load-state';
import { goBackOrHome } from '../services/navigation';
import './StateViews.scss';

// The three non-content states every screen needs: loading, empty, failed.

export function LoadingView({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="zw-state">
      <Loading type="spinner">{text}</Loading>
    </View>
  );
}

export function EmptyView(props: { title: string; description?: string; actionText?: string; onAction?: () => void }) {
  return (
    <View className="zw-state">
      <View className="zw-state__mark zw-state__mark--empty" />
      <Text className="zw-state__title">{props.title}</Text>
      {props.description ? <Text className="zw-state__desc">{props.description}</Text> : null}
      {props.actionText && props.onAction ? (
        <Button className="zw-state__action" type="primary" onClick={props.onAction}>
          {props.actionText}
        </Button>
      ) : null}
    </View>
  );
}

/**
 * A failed load: why, and a way on. `code` is the server's stable code: for a refusal a retry
 * cannot mend (无权查看, 不存在) the button goes back (or home, when the page was opened first from
 * a link) instead of offering 重试.
 */
export function ErrorView(props: {
  message: string;
  code?: ErrorCode | null;
  onRetry?: () => void;
  retryText?: string;
}) {
  const retry = props.onRetry && retryMayHelp(props.code) ? props.onRetry : undefined;
  const back = !retry && Boolean(props.code);
  return (
    <View className="zw-state">
      <View className="zw-state__mark zw-state__mark--error">!</View>
      <Text className="zw-state__title">{props.message}</Text>
      {retry ? (
        <Button className="zw-state__action" fill="outline" type="primary" onClick={retry}>
          {props.retryText ?? '重试'}
        </Button>
      ) : back ? (
        <Button className="zw-state__action" fill="outline" type="primary" onClick={goBackOrHome}>
          返回
        </Button>
      ) : null}
    </View>
  );
}
