export default definePageConfig({
  navigationBarTitleText: '信息检查词表',
});
