import { useEffect, useRef, useState } from 'react';
import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Envelope } from '@shared/core/envelope';
import './images.scss';

// Private images as thumbnails (a message's photos, a post's images); each URL is asked of the
// server (only those allowed get one), and a tap opens the full-screen viewer.

export function ImageGrid(props: { photos: string[]; load: (photoId: string) => Promise<Envelope<{ url: string }>> }) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const { photos } = props;
  // The loader may be a new function each render; the photo list decides when to load.
  const load = useRef(props.load);
  load.current = props.load;
  const key = photos.join('|');

  useEffect(() => {
    let live = true;
    for (const id of key ? key.split('|') : [])
      void load.current(id).then((r) => {
        if (live && r.ok) setUrls((u) => ({ ...u, [id]: r.data.url }));
      });
    return () => {
      live = false;
    };
  }, [key]);

  if (!photos.length) return null;
  const shown = photos.map((id) => urls[id]).filter((u): u is string => Boolean(u));
  return (
    <View className="photo-grid">
      {photos.map((id) => (
        <View key={id} className="photo-grid__cell">
          {urls[id] ? (
            <Image
              className="photo-grid__img"
              src={urls[id]}
              mode="aspectFill"
              onClick={() => void Taro.previewImage({ urls: shown, current: urls[id] }).catch(() => undefined)}
            />
          ) : null}
        </View>
      ))}
    </View>
  );
}
