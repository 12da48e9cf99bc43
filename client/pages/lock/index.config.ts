export default definePageConfig({
  navigationBarTitleText: '已锁定',
});
