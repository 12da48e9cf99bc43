export default definePageConfig({
  navigationBarTitleText: '绑定本机',
});
