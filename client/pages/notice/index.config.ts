export default definePageConfig({
  navigationBarTitleText: '无法继续办理',
});
