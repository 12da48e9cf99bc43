import type { UserConfigExport } from '@tarojs/cli';

// Release builds: Taro minifies by default; keep the console quiet in CI logs.
export default {
  logger: { quiet: true, stats: false },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
