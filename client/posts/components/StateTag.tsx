import { Text } from '@tarojs/components';
import type { PostState } from '@shared/posts/transitions';
import { STATE_TONES, stateLabel } from '../lib/labels';

export function StateTag({ state }: { state: PostState }) {
  const tone = STATE_TONES[state];
  return <Text className={`zw-tag${tone === 'plain' ? '' : ` zw-tag--${tone}`}`}>{stateLabel(state)}</Text>;
}
