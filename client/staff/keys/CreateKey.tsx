import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { CHANNEL_LABELS } from '@shared/messages/schemas';
import { FieldError } from '../../components/FieldError';
import { createImportKey, type CreatedImportKey, type ImportChannel } from '../../services/portal';
import { needsStepUp, requestStepUp } from '../../services/stepup';
import { routeForRefusal } from '../../services/guard-core';
import { copyText } from '../../lib/clipboard';

// 生成密钥: pick the channel, name the key after the system that will hold it, confirm with a
// fresh PIN. A refusal is shown as the server words it and the name typed stays in the field.

const CHANNELS: ImportChannel[] = ['portal', 'hotline12345'];
const NAME_MIN = 2;
const NAME_MAX = 30;

export function CreateKey(props: { onCreated(created: CreatedImportKey): void }) {
  const [channel, setChannel] = useState<ImportChannel>('portal');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    if (busy) return;
    setError(null);
    const trimmed = name.trim();
    if (trimmed.length < NAME_MIN) return setNameError(`请填写密钥名称（至少 ${NAME_MIN} 个字）`);
    setBusy(true);
    try {
      // A ticket the server no longer accepts (expired while typing) is asked for once more.
      for (let attempt = 0; attempt < 2; attempt++) {
        const stepUpId = await requestStepUp('importKey.create');
        if (stepUpId === null) return;
        const res = await createImportKey({ channel, name: trimmed, stepUpId });
        if (res.ok) {
          setName('');
          props.onCreated(res.data);
          return;
        }
        if (attempt === 0 && needsStepUp(res)) continue;
        if (routeForRefusal(res)) return;
        setNameError(res.fieldErrors?.name ?? null);
        setError(res.message);
        return;
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="zw-card">
      <Text className="keys-label">来源渠道</Text>
      <View className="keys-chips">
        {CHANNELS.map((c) => (
          <View
            key={c}
            className={`keys-chips__item${c === channel ? ' keys-chips__item--active' : ''}`}
            onClick={() => setChannel(c)}
          >
            <Text>{c === 'portal' ? '门户网站' : CHANNEL_LABELS[c]}</Text>
          </View>
        ))}
      </View>
      <Text className="keys-label">密钥名称</Text>
      <Input
        className="keys-input"
        value={name}
        placeholder="例如：县政府门户网站信箱"
        maxLength={NAME_MAX}
        onChange={(v: string) => {
          setName(v);
          setNameError(null);
        }}
      />
      <FieldError message={nameError} />
      <Text className="zw-muted">生成时需要验证您的 PIN。每个对接系统使用各自的密钥，便于单独停用。</Text>
      {error ? <Text className="zw-notice zw-notice--error keys-error">{error}</Text> : null}
      <View className="zw-actions">
        <Button type="primary" loading={busy} disabled={busy} onClick={() => void create()}>
          生成密钥
        </Button>
      </View>
    </View>
  );
}

/** The new key's id and secret, shown this once, with copy buttons and the warning. */
export function CreatedKey(props: { created: CreatedImportKey; onDone(): void }) {
  const { key, secret } = props.created;

  return (
    <View className="zw-card keys-created">
      <Text className="keys-created__title">
        已生成：{key.name}（{CHANNEL_LABELS[key.channel]}）
      </Text>
      <Text className="zw-notice zw-notice--warn">密钥只显示这一次，请立即交给对接系统的管理员保存。</Text>
      <Text className="keys-label">密钥编号（keyId）</Text>
      <Text className="keys-created__value keys-created__key-id" userSelect>
        {key.keyId}
      </Text>
      <Text className="keys-label">密钥（secret）</Text>
      <Text className="keys-created__value keys-created__secret" userSelect>
        {secret}
      </Text>
      <Text className="zw-muted">
        请当面或经加密渠道交付，不要通过普通微信、短信或邮件发送。离开本页后任何人都无法再查看密钥；丢失或泄露时请停用并重新生成。
      </Text>
      <View className="zw-actions">
        <Button size="small" type="primary" fill="outline" onClick={() => copyText(key.keyId, '密钥编号')}>
          复制密钥编号
        </Button>
        <Button size="small" type="primary" fill="outline" onClick={() => copyText(secret, '密钥')}>
          复制密钥
        </Button>
        <Button size="small" fill="outline" onClick={props.onDone}>
          我已交付，关闭
        </Button>
      </View>
    </View>
  );
}
