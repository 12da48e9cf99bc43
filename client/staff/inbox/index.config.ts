export default definePageConfig({
  navigationBarTitleText: '留言收件箱',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
