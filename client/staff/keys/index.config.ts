export default definePageConfig({
  navigationBarTitleText: '留言导入接口',
  enablePullDownRefresh: true,
});
