export default definePageConfig({
  navigationBarTitleText: '信息详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
