export default definePageConfig({ navigationBarTitleText: '舆情台账', enablePullDownRefresh: true });
