export default definePageConfig({
  navigationBarTitleText: '切换体验身份',
});
