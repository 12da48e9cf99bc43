export default definePageConfig({
  navigationBarTitleText: '单位管理',
  enableShareAppMessage: true,
  enablePullDownRefresh: true,
});
