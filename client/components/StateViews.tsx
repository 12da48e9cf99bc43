import { Text, View } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
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

export function ErrorView(props: { message: string; onRetry?: () => void; retryText?: string }) {
  return (
    <View className="zw-state">
      <View className="zw-state__mark zw-state__mark--error">!</View>
      <Text className="zw-state__title">{props.message}</Text>
      {props.onRetry ? (
        <Button className="zw-state__action" fill="outline" type="primary" onClick={props.onRetry}>
          {props.retryText ?? '重试'}
        </Button>
      ) : null}
    </View>
  );
}
