import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
const sharedDir = path.join(root, 'shared');

// shared/ lives outside sourceRoot, so Taro would not run babel on it by default; zod ships
// modern syntax that older WeChat clients cannot parse, so the weapp build compiles it too.
const sharedInclude = [(file: string) => file.startsWith(sharedDir + path.sep)];
const zodInclude = (file: string) => /node_modules[\\/]zod[\\/]/.test(file);

// NutUI's stylesheets are drawn at 375 px; everything of ours at Taro's default 750.
function designWidth(input?: unknown): number {
  const file = (input as { file?: string } | undefined)?.file;
  if (typeof file === 'string' && file.replace(/\\+/g, '/').includes('@nutui')) return 375;
  return 750;
}

function useTsconfigPaths(chain: { resolve: { plugin(name: string): { use(p: unknown): void } } }) {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhengwu-xinmeiti',
    date: '2026-11-27',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'client',
    // TARO_OUTPUT_ROOT lets parallel builds (several people, one machine) keep out of each other's dist/.
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    plugins: [],
    alias: {
      '@shared': sharedDir,
      '@client': path.join(root, 'client'),
    },
    defineConstants: {
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV || 'zhengwu-demo'),
      API_BASE: JSON.stringify(process.env.API_BASE ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [...sharedInclude, zodInclude] },
      // NutUI's per-component stylesheets are independent classes; pages import them in different
      // orders, which mini-css-extract reports as "Conflicting order" (as on H5 below).
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain: useTsconfigPaths,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      compile: { include: sharedInclude },
      // Lets Taro's postcss (px → rem) see NutUI's stylesheets in node_modules.
      esnextModules: ['nutui-react'],
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain: useTsconfigPaths,
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
