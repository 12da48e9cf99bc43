export default definePageConfig({
  navigationBarTitleText: '申请开设政务账号',
});
