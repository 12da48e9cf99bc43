import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { PLATFORM_LABELS } from '@shared/accounts/contract';
import type { Envelope, FieldErrors } from '@shared/core/envelope';
import { PLATFORM_RULES } from '@shared/posts/platform';
import type { PostDetailView } from '@shared/posts/views';
import { FieldError } from '../../components/FieldError';

// After approval the publisher posts it on the platform, then records the link here (with a
// fresh PIN). A failed delivery is recorded too; the content stays approved.

interface Props {
  post: PostDetailView;
  busy: boolean;
  onPublish(url: string): Promise<Envelope<unknown> | null>;
  onFailed(): void;
}

export function PublishPanel({ post, busy, onPublish, onFailed }: Props) {
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const hosts = PLATFORM_RULES[post.account.platform].linkHosts;
  const submit = async () => {
    if (!/^https?:\/\/\S+\.\S+/.test(url.trim()))
      return setErrors({ url: '请粘贴发布后的完整链接（以 https:// 开头）' });
    const res = await onPublish(url.trim());
    if (res && !res.ok && res.fieldErrors) setErrors(res.fieldErrors);
  };
  return (
    <View className="zw-card">
      <Text className="posts-section">登记发布</Text>
      <Text className="zw-muted">
        请在{post.account.name}（{PLATFORM_LABELS[post.account.platform]}）发布后，粘贴发布链接
        {hosts.length ? `（${hosts.join('、')}）` : ''}。
      </Text>
      {post.delivery.state === 'failed' ? (
        <Text className="posts-banner posts-banner--warn">上次发布失败：{post.delivery.failureReason}</Text>
      ) : null}
      <Input
        className="pd-input"
        value={url}
        placeholder="发布链接，如 https://mp.weixin.qq.com/s/…"
        onChange={(v: string) => {
          setUrl(v);
          setErrors({});
        }}
      />
      <FieldError message={errors.url ?? errors.publishedAt} />
      <View className="pd-row">
        <Button className="pd-row__btn" fill="outline" disabled={busy} onClick={onFailed}>
          发布失败
        </Button>
        <Button className="pd-row__btn" type="primary" loading={busy} disabled={busy} onClick={() => void submit()}>
          登记发布
        </Button>
      </View>
    </View>
  );
}
