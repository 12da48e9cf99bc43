import { Text, View } from '@tarojs/components';
import type { CheckHit } from '@shared/posts/checks/types';
import { markRuns } from '../lib/highlight';

// A field's text with the check hits marked where they are (red: must fix; orange: personal
// data a reviewer may let through with a reason; yellow: a warning).

export function HighlightedText(props: { text: string; hits: readonly CheckHit[]; className?: string }) {
  const runs = markRuns(props.text, props.hits);
  return (
    <View className={`posts-hl ${props.className ?? ''}`}>
      {runs.map((r, i) =>
        r.mark ? (
          <Text key={i} className={`posts-hl__mark posts-hl__mark--${r.mark}`}>
            {r.text}
          </Text>
        ) : (
          <Text key={i}>{r.text}</Text>
        ),
      )}
    </View>
  );
}
