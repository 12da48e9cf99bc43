export default definePageConfig({
  navigationBarTitleText: '账号开设例外',
});
