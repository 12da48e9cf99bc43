import { useEffect, useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { Envelope } from '@shared/core/envelope';
import { pickAndUpload, type UploadProgress, type UploadTarget } from '../services/image-upload';
import './images.scss';

// Private images on a form (a message's photos, a post's images): thumbnails with a remove
// button, an “添加图片” tile while there is room, the upload's progress and, when an image is
// refused, why. Images are uploaded when picked, so a restored draft keeps them (their previews
// are fetched from the server).

export function ImagePicker<T>(props: {
  ids: string[];
  onChange: (ids: string[]) => void;
  max: number;
  target: UploadTarget<T>;
  /** A URL for an image already on the form (a restored draft, a saved post). */
  preview: (id: string) => Promise<Envelope<{ url: string }>>;
  hint: string;
  disabled?: boolean;
}) {
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(new Set<string>());
  const preview = useRef(props.preview);
  preview.current = props.preview;

  // Images the form already holds: ask the server for each preview once.
  useEffect(() => {
    for (const id of props.ids) {
      if (previews[id] || asked.current.has(id)) continue;
      asked.current.add(id);
      void preview.current(id).then((r) => {
        if (r.ok) setPreviews((p) => ({ ...p, [id]: r.data.url }));
      });
    }
  }, [props.ids, previews]);

  const busy = progress !== null;
  const add = async () => {
    if (busy || props.disabled) return;
    setError(null);
    setProgress({ done: 0, total: 0 });
    let current = props.ids;
    const res = await pickAndUpload(
      props.target,
      props.max - current.length,
      (u) => {
        setPreviews((p) => ({ ...p, [u.id]: u.preview }));
        current = [...current, u.id];
        props.onChange(current);
      },
      setProgress,
    );
    setProgress(null);
    if (res.error) setError(res.error);
  };

  const label = progress && progress.total > 0 ? `上传中 ${progress.done + 1}/${progress.total}` : '上传中';
  return (
    <View>
      <View className="photo-grid">
        {props.ids.map((id) => (
          <View key={id} className="photo-grid__cell">
            {previews[id] ? <Image className="photo-grid__img" src={previews[id]} mode="aspectFill" /> : null}
            {props.disabled ? null : (
              <Text className="photo-grid__remove" onClick={() => props.onChange(props.ids.filter((p) => p !== id))}>
                ×
              </Text>
            )}
          </View>
        ))}
        {props.ids.length < props.max && !props.disabled ? (
          <View className="photo-grid__cell photo-grid__add" onClick={() => void add()}>
            <Text className="photo-grid__plus">{busy ? '…' : '+'}</Text>
            <Text className="photo-grid__hint">{busy ? label : '添加图片'}</Text>
          </View>
        ) : null}
      </View>
      <Text className="image-picker__hint">{props.hint}</Text>
      {error ? <Text className="zw-field-error image-picker__error">{error}</Text> : null}
    </View>
  );
}
