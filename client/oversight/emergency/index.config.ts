export default definePageConfig({ navigationBarTitleText: '突发事件', enablePullDownRefresh: true });
