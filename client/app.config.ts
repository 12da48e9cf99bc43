// The demo identity switcher talks to the local host, so only the H5 build carries it.
const h5Only = process.env.TARO_ENV === 'h5' ? ['pages/demo/index'] : [];

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/messages/compose/index',
    'pages/messages/mine/index',
    'pages/messages/detail/index',
    'pages/board/index',
    'pages/notices/index',
    'pages/directory/index',
    // Staff security (issue 3): reachable from any page by the refusal guard, so in the main package.
    'pages/me/index',
    'pages/join/index',
    'pages/bind/index',
    'pages/lock/index',
    'pages/pin/index',
    'pages/notice/index',
    ...h5Only,
  ],
  // Staff screens load only for staff, keeping the citizens' main package small.
  subPackages: [
    {
      root: 'staff',
      pages: ['inbox/index', 'admin/index', 'security/index', 'message/index', 'overdue/index', 'keys/index'],
    },
    { root: 'posts', pages: ['home/index', 'compose/index', 'detail/index', 'rules/index'] },
    { root: 'accounts', pages: ['index/index', 'apply/index', 'detail/index', 'exceptions/index'] },
    {
      root: 'oversight',
      pages: [
        'hub/index',
        'dashboard/index',
        'unit/index',
        'bulletins/index',
        'bulletin/index',
        'incidents/index',
        'incident/index',
        'duty/index',
        'emergency/index',
        'rules/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#b7181f',
    navigationBarTitleText: '盐池县政务新媒体',
    navigationBarTextStyle: 'white',
  },
});
