import Taro from '@tarojs/taro';
import { IS_WEAPP } from '../../services/env';
import type { ExportView } from '../../services/oversight';

// Saves a generated bulletin: a browser download on H5; on weapp a file in the user data folder
// opened with the phone's document viewer (from where it can be forwarded).
export async function saveExport(file: ExportView): Promise<void> {
  if (IS_WEAPP) {
    const path = `${Taro.env.USER_DATA_PATH}/${file.fileName}`;
    Taro.getFileSystemManager().writeFileSync(path, file.base64, 'base64');
    await Taro.openDocument({ filePath: path, showMenu: true });
    return;
  }
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
