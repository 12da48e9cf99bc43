export default definePageConfig({
  navigationBarTitleText: '安全日志',
  enablePullDownRefresh: true,
});
