export default definePageConfig({ navigationBarTitleText: '督查看板', enablePullDownRefresh: true });
