export default definePageConfig({
  navigationBarTitleText: '政务账号管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
