export default definePageConfig({
  navigationBarTitleText: '政务账号',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
