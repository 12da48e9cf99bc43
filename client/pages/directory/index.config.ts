export default definePageConfig({
  navigationBarTitleText: '政务账号名录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
