import { POST_IMAGES_MAX } from '@shared/posts/schemas';
import { ImagePicker } from '../../components/ImagePicker';
import type { UploadTarget } from '../../services/image-upload';
import { ownPostImageUrl, postImageUrl, registerPostImage, uploadPostImage } from '../../services/posts';

// A post's images (up to 9), through the shared picker. A saved post's images are previewed
// through the post (a colleague may have uploaded them); new ones through the uploader.

const POST_IMAGES: UploadTarget<{ imageId: string }> = {
  folder: 'post-images',
  upload: uploadPostImage,
  register: registerPostImage,
  idOf: (d) => d.imageId,
};

export function ImagesField(props: {
  ids: string[];
  onChange: (ids: string[]) => void;
  /** The saved post and the images it holds. */
  postId: string | null;
  savedIds: string[];
  disabled?: boolean;
}) {
  const { postId, savedIds } = props;
  return (
    <ImagePicker
      ids={props.ids}
      onChange={props.onChange}
      max={POST_IMAGES_MAX}
      target={POST_IMAGES}
      preview={(id) => (postId && savedIds.includes(id) ? postImageUrl(postId, id) : ownPostImageUrl(id))}
      hint={`选填，最多 ${POST_IMAGES_MAX} 张，每张不超过 600 KB（JPG、PNG 或 WebP，过大的会自动压缩）；供审核、审批查看，公开信息流不含图片`}
      disabled={props.disabled}
    />
  );
}
