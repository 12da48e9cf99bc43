import { Text } from '@tarojs/components';
import type { ErrorCode } from '@shared/core/envelope';
import { retryMayHelp } from '../lib/load-state';

// The one-line failure of a list inside a form or picker: why, and "点此重试" only where asking
// again may help (not after a refusal such as 无权查看).

export function FailedNote(props: {
  className: string;
  message: string;
  code?: ErrorCode | null;
  onRetry: () => void;
}) {
  const retry = retryMayHelp(props.code);
  return (
    <Text className={props.className} onClick={retry ? props.onRetry : undefined}>
      {retry ? `${props.message}，点此重试` : props.message}
    </Text>
  );
}
