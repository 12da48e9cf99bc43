// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// babel-plugin-import rewrites `import { Button } from '@nutui/nutui-react-taro'` to the one
// component plus its compiled CSS, so each page ships only the NutUI parts it uses.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        // `path` is the rewritten module path, e.g. …/dist/es/packages/button
        style: (path) => `${path}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
};
