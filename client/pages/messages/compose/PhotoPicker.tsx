import { useEffect, useRef, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { PHOTOS_MAX } from '@shared/messages/schemas';
import { ownPhotoUrl } from '../../../services/messages';
import { pickAndUpload } from './photo-upload';

// Up to 6 photos: thumbnails with a remove button, and an “添加图片” tile while there is room.
// Photos are uploaded when picked, so a restored draft keeps them (their previews are fetched).

export function PhotoPicker(props: { photos: string[]; onChange: (photos: string[]) => void }) {
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const asked = useRef(new Set<string>());

  // A restored draft's photos: ask the server for each preview once.
  useEffect(() => {
    for (const id of props.photos) {
      if (previews[id] || asked.current.has(id)) continue;
      asked.current.add(id);
      void ownPhotoUrl(id).then((r) => {
        if (r.ok) setPreviews((p) => ({ ...p, [id]: r.data.url }));
      });
    }
  }, [props.photos, previews]);

  const add = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    let current = props.photos;
    const res = await pickAndUpload(PHOTOS_MAX - current.length, (u) => {
      setPreviews((p) => ({ ...p, [u.photoId]: u.preview }));
      current = [...current, u.photoId];
      props.onChange(current);
    });
    setBusy(false);
    if (res.error) setError(res.error);
  };

  return (
    <View>
      <View className="photo-grid">
        {props.photos.map((id) => (
          <View key={id} className="photo-grid__cell">
            {previews[id] ? <Image className="photo-grid__img" src={previews[id]} mode="aspectFill" /> : null}
            <Text className="photo-grid__remove" onClick={() => props.onChange(props.photos.filter((p) => p !== id))}>
              ×
            </Text>
          </View>
        ))}
        {props.photos.length < PHOTOS_MAX ? (
          <View className="photo-grid__cell photo-grid__add" onClick={() => void add()}>
            <Text className="photo-grid__plus">{busy ? '…' : '+'}</Text>
            <Text className="photo-grid__hint">{busy ? '上传中' : '添加图片'}</Text>
          </View>
        ) : null}
      </View>
      <Text className="compose-hint">选填，最多 {PHOTOS_MAX} 张；图片只给办理单位看，不会公开</Text>
      {error ? <Text className="zw-field-error">{error}</Text> : null}
    </View>
  );
}
