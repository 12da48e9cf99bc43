export default definePageConfig({
  navigationBarTitleText: '全县督办',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
