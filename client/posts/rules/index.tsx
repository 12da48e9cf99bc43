import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { FieldErrors } from '@shared/core/envelope';
import { WORD_CATEGORY_LABELS, WORD_LEVEL_LABELS, type WordCategory, type WordLevel } from '@shared/posts/checks/words';
import { addRuleWords, getRules, removeRuleWords, setPortalDomains, type RulesPage } from '../../services/posts';
import { useCaptureGuard } from '../../hooks/useCaptureGuard';
import { formatChinaTime } from '../../lib/time';
import { FieldError } from '../../components/FieldError';
import { PageHeader } from '../../components/PageHeader';
import { EmptyView, ErrorView, LoadingView } from '../../components/StateViews';
import { wordsFromText } from './lines';
import { type Failed, failed } from '../../lib/load-state';
import '../components/posts.scss';
import './index.scss';

// 信息检查词表 (county information center): the confidential terms (always blocking) and the
// sensitive words (blocking or a warning, per word) the automatic checks use, and the portal's
// domain that detail links should point to (第二十四条). Changes apply to the next check.

type Load = { status: 'loading' } | Failed | { status: 'ready'; page: RulesPage };

export default function RulesPageScreen() {
  const [category, setCategory] = useState<WordCategory>('sensitive');
  const [query, setQuery] = useState('');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [text, setText] = useState('');
  const [level, setLevel] = useState<WordLevel>('blocking');
  const [note, setNote] = useState('');
  const [domains, setDomains] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useCaptureGuard('信息检查词表');

  const reload = useCallback(async () => {
    const res = await getRules({ category, query: query.trim() });
    setLoad(res.ok ? { status: 'ready', page: res.data } : failed(res));
  }, [category, query]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const run = async (fn: () => Promise<{ ok: boolean; message?: string; fieldErrors?: FieldErrors }>, done: string) => {
    if (busy) return false;
    setBusy(true);
    setErrors({});
    const res = await fn();
    setBusy(false);
    if (!res.ok) {
      setErrors(res.fieldErrors ?? {});
      setMessage(res.message ?? '保存失败');
      return false;
    }
    setMessage(done);
    await reload();
    return true;
  };

  const add = async () => {
    const words = wordsFromText(text);
    if (!words.length) return setErrors({ words: '请填写词语，每行一个' });
    const ok = await run(async () => {
      const res = await addRuleWords({ words: words.map((word) => ({ word, category, level, note: note.trim() })) });
      return res.ok ? { ok: true } : res;
    }, `已加入 ${words.length} 个词语`);
    if (ok) setText('');
  };

  const remove = async (word: string) => {
    const { confirm } = await Taro.showModal({
      title: `删除「${word}」？`,
      content: '删除后，自动检查不再提示这个词语。',
    });
    if (confirm) await run(() => removeRuleWords([word]), `已删除「${word}」`);
  };

  const saveDomains = () =>
    run(async () => {
      const res = await setPortalDomains(wordsFromText(domains ?? ''));
      if (res.ok) setDomains(null);
      return res.ok ? { ok: true } : res;
    }, '已保存门户网站域名');

  if (load.status !== 'ready') {
    return (
      <View className="posts-page">
        <PageHeader title="信息检查词表" />
        {load.status === 'loading' ? (
          <LoadingView />
        ) : (
          <ErrorView message={load.message} code={load.code} onRetry={() => void reload()} />
        )}
      </View>
    );
  }
  const page = load.page;

  return (
    <View className="posts-page">
      <PageHeader title="信息检查词表" />
      <View className="posts-body">
        <Text className="zw-muted">
          共 {page.wordCount} 个词语 ·{' '}
          {page.updatedAt
            ? `第 ${page.rev} 版 · ${page.updatedByName ?? ''} 更新于 ${formatChinaTime(page.updatedAt)}`
            : '默认词表（尚未修改）'}
        </Text>
        {message ? <Text className="posts-banner posts-banner--info">{message}</Text> : null}

        <View className="zw-card">
          <Text className="posts-section">门户网站域名（第二十四条）</Text>
          <Text className="zw-muted">信息中的链接不指向这些域名时，提醒审核人员。</Text>
          <Input
            className="pr-input"
            value={domains ?? page.portalDomains.join('，')}
            onChange={(v: string) => setDomains(v)}
          />
          <FieldError
            message={errors.portalDomains ?? Object.entries(errors).find(([k]) => k.startsWith('portalDomains'))?.[1]}
          />
          {domains !== null ? (
            <Button size="small" type="primary" disabled={busy} onClick={() => void saveDomains()}>
              保存域名
            </Button>
          ) : null}
        </View>

        <View className="posts-chips">
          {(['sensitive', 'confidential'] as const).map((c) => (
            <Text
              key={c}
              className={`posts-chips__item${c === category ? ' posts-chips__item--on' : ''}`}
              onClick={() => setCategory(c)}
            >
              {WORD_CATEGORY_LABELS[c]}
            </Text>
          ))}
        </View>

        <View className="zw-card">
          <Text className="posts-section">添加{WORD_CATEGORY_LABELS[category]}</Text>
          <TextArea
            className="pr-textarea"
            value={text}
            placeholder="每行一个词语，可一次粘贴多行"
            rows={4}
            autoSize={false}
            maxLength={-1}
            onChange={(v: string) => setText(v)}
          />
          <FieldError message={errors.words ?? Object.entries(errors).find(([k]) => k.startsWith('words'))?.[1]} />
          {category === 'sensitive' ? (
            <View className="posts-chips">
              {(['blocking', 'warning'] as const).map((l) => (
                <Text
                  key={l}
                  className={`posts-chips__item${l === level ? ' posts-chips__item--on' : ''}`}
                  onClick={() => setLevel(l)}
                >
                  {WORD_LEVEL_LABELS[l]}
                </Text>
              ))}
            </View>
          ) : (
            <Text className="zw-muted">涉密词语一律禁止发布。</Text>
          )}
          <Input
            className="pr-input"
            value={note}
            placeholder="备注（选填），如“标题党”"
            maxLength={50}
            onChange={(v: string) => setNote(v)}
          />
          <Button block type="primary" disabled={busy} loading={busy} onClick={() => void add()}>
            加入词表
          </Button>
        </View>

        <Input className="pr-input" value={query} placeholder="查找词语" onChange={(v: string) => setQuery(v)} />
        {page.items.length === 0 ? (
          <EmptyView title="没有词语" description={query ? '换个关键字试试' : '在上面添加'} />
        ) : null}
        {page.items.map((w) => (
          <View key={`${w.category}-${w.word}`} className="zw-card pr-word">
            <View className="pr-word__main">
              <Text className="pr-word__text">{w.word}</Text>
              <Text className={`zw-tag${w.level === 'blocking' ? ' zw-tag--todo' : ' zw-tag--doing'}`}>
                {WORD_LEVEL_LABELS[w.level]}
              </Text>
            </View>
            {w.note ? <Text className="zw-muted">{w.note}</Text> : null}
            <Text className="pr-word__remove" onClick={() => void remove(w.word)}>
              删除
            </Text>
          </View>
        ))}
        {page.total > page.items.length ? (
          <Text className="zw-muted">
            共 {page.total} 个，显示前 {page.items.length} 个；请用查找缩小范围
          </Text>
        ) : null}
      </View>
    </View>
  );
}
