import Taro from '@tarojs/taro';
import { IS_WEAPP } from '../../services/env';
import type { FileResult } from '../../services/accounts';

// Saves a document the server generated (备案表 PDF, 名录 Excel): a download on H5, a file the
// phone opens with its document viewer on weapp.

export async function saveDocument(file: FileResult): Promise<void> {
  if (IS_WEAPP) {
    const fs = Taro.getFileSystemManager();
    const path = `${Taro.env.USER_DATA_PATH}/${file.filename}`;
    fs.writeFileSync(path, file.dataBase64, 'base64');
    await Taro.openDocument({ filePath: path, showMenu: true });
    return;
  }
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen image as base64 (weapp: the file system; H5: the blob URL). */
export async function readImage(path: string): Promise<string> {
  if (IS_WEAPP) return Taro.getFileSystemManager().readFileSync(path, 'base64') as string;
  const buf = new Uint8Array(await (await fetch(path)).arrayBuffer());
  let s = '';
  for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(s);
}
