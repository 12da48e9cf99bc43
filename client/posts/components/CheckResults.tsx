import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { CHECK_RULE_LABELS, type CheckHit, type CheckReport } from '@shared/posts/checks/types';
import { FieldError } from '../../components/FieldError';
import { markOf } from '../lib/highlight';

// The automatic checks' results: each hit with its Chinese explanation, the text it found and
// the rule it comes from. On the review screen, personal-data hits take an override reason.

const FIELD_LABELS: Record<string, string> = { title: '标题', body: '正文', sourceName: '来源' };
const fieldLabel = (f: string) => FIELD_LABELS[f] ?? (f.startsWith('links.') ? `链接 ${Number(f.slice(6)) + 1}` : f);

const SEVERITY_TEXT = { blocking: '必须修改', overridable: '需说明理由', warning: '提醒' } as const;

interface Props {
  report: CheckReport;
  /** Review mode: reasons typed for overridable hits, by hit key. */
  overrides?: Record<string, string>;
  onOverride?: (key: string, reason: string) => void;
  overrideErrors?: Record<string, string>;
  /** Reasons already given (after review). */
  given?: ReadonlyArray<{ key: string; reason: string; byName: string }>;
}

function HitRow({ hit, props }: { hit: CheckHit; props: Props }) {
  const mark = markOf(hit);
  const given = props.given?.find((g) => g.key === hit.key);
  return (
    <View className={`posts-hit posts-hit--${mark ?? 'info'}`}>
      <View className="posts-hit__head">
        <Text className="posts-hit__rule">{CHECK_RULE_LABELS[hit.rule]}</Text>
        <Text className="posts-hit__where">
          {hit.start !== hit.end ? `${fieldLabel(hit.field)}` : ''}
          {hit.excerpt ? `「${hit.excerpt}」` : ''}
        </Text>
        <Text className="posts-hit__sev">{mark ? SEVERITY_TEXT[mark] : '说明'}</Text>
      </View>
      <Text className="posts-hit__msg">{hit.message}</Text>
      <Text className="posts-hit__basis">依据：{hit.basis}</Text>
      {given ? (
        <Text className="posts-hit__given">
          {given.byName}放行：{given.reason}
        </Text>
      ) : null}
      {props.onOverride && hit.overridable && hit.severity === 'blocking' ? (
        <View className="posts-hit__override">
          <Input
            className="posts-hit__input"
            value={props.overrides?.[hit.key] ?? ''}
            placeholder="确需公开的，请写明放行理由（至少 5 个字）"
            maxLength={200}
            onChange={(v: string) => props.onOverride!(hit.key, v)}
          />
          <FieldError message={props.overrideErrors?.[hit.key]} />
        </View>
      ) : null}
    </View>
  );
}

export function CheckResults(props: Props) {
  const { report } = props;
  const shown = report.hits;
  const summary =
    report.blocking + report.overridable + report.warnings === 0
      ? '自动检查未发现问题'
      : `必须修改 ${report.blocking} 处 · 需说明理由 ${report.overridable} 处 · 提醒 ${report.warnings} 处`;
  return (
    <View className="posts-checks">
      <Text className={`posts-checks__summary${report.blocking ? ' posts-checks__summary--bad' : ''}`}>{summary}</Text>
      {shown.map((h) => (
        <HitRow key={h.key} hit={h} props={props} />
      ))}
    </View>
  );
}
