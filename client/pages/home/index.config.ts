export default definePageConfig({
  navigationBarTitleText: '盐池县政务新媒体',
});
