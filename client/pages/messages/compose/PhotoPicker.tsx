import { PHOTOS_MAX } from '@shared/messages/schemas';
import { ImagePicker } from '../../../components/ImagePicker';
import type { UploadTarget } from '../../../services/image-upload';
import { ownPhotoUrl, registerPhoto, uploadPhoto } from '../../../services/messages';

// Up to 6 photos on a message, uploaded to the writer (the shared picker does the work).

const MESSAGE_PHOTOS: UploadTarget<{ photoId: string }> = {
  folder: 'message-photos',
  upload: uploadPhoto,
  register: registerPhoto,
  idOf: (d) => d.photoId,
};

export function PhotoPicker(props: { photos: string[]; onChange: (photos: string[]) => void }) {
  return (
    <ImagePicker
      ids={props.photos}
      onChange={props.onChange}
      max={PHOTOS_MAX}
      target={MESSAGE_PHOTOS}
      preview={ownPhotoUrl}
      hint={`选填，最多 ${PHOTOS_MAX} 张；图片只给办理单位看，不会公开`}
    />
  );
}
