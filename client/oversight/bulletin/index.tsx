import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { exportBulletin, getBulletin, type BulletinView } from '../../services/oversight';
import { ErrorView, LoadingView } from '../../components/StateViews';
import { PageHeader } from '../../components/PageHeader';
import { queryParam } from '../../lib/params';
import { saveExport } from '../common/files';
import { Content } from './Content';
import { Editor } from './Editor';
import { UnitActions } from './UnitActions';
import type { Fail } from '@shared/core/envelope';
import '../common/oversight.scss';

// One bulletin: the supervision office edits and issues a draft; anyone who may see it downloads
// it as Word or PDF; a named unit signs for it and reports its correction.

export default function BulletinPage() {
  const router = useRouter();
  const id = queryParam(router.params.id);
  const unitId = queryParam(router.params.unitId) || undefined;
  const [b, setB] = useState<BulletinView | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const res = await getBulletin(id, unitId);
    if (!res.ok) return setError(res);
    setB(res.data);
  }, [id, unitId]);
  useEffect(() => {
    void load();
  }, [load]);

  const download = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    setExportError(null);
    const res = await exportBulletin(id, format, unitId);
    setBusy(null);
    if (!res.ok) return setExportError(res.message);
    try {
      await saveExport(res.data);
    } catch {
      setExportError('文件保存失败，请重试');
    }
  };

  if (!b)
    return (
      <View className="ov-page">
        <PageHeader title="通报" />
        {error ? <ErrorView message={error.message} code={error.code} onRetry={() => void load()} /> : <LoadingView />}
      </View>
    );
  return (
    <View className="ov-page">
      <PageHeader title={b.status === 'draft' ? '通报草稿' : '通报'} />
      <View className="ov-body">
        <Text className={`ov-banner ${b.status === 'draft' ? 'ov-banner--warn' : 'ov-banner--info'}`}>
          {b.status === 'draft'
            ? '草稿：修改后点“印发通报”，被点名单位将收到通知。'
            : `已印发 · 点名 ${b.named} 个单位 · 已签收 ${b.acknowledged} · 已报送整改 ${b.corrected}`}
        </Text>
        {unitId ? <UnitActions b={b} unitId={unitId} onDone={setB} /> : null}
        <View className="ov-actions">
          <Button
            size="small"
            type="primary"
            fill="outline"
            loading={busy === 'docx'}
            disabled={busy !== null}
            onClick={() => void download('docx')}
          >
            下载 Word
          </Button>
          <Button
            size="small"
            type="primary"
            fill="outline"
            loading={busy === 'pdf'}
            disabled={busy !== null}
            onClick={() => void download('pdf')}
          >
            下载 PDF
          </Button>
        </View>
        {exportError ? <Text className="ov-banner ov-banner--red">{exportError}</Text> : null}
        {b.canEdit ? <Editor key={b.rev} b={b} onSaved={setB} /> : null}
        <Content b={b} />
      </View>
    </View>
  );
}
