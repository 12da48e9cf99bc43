export default definePageConfig({ navigationBarTitleText: '单位督查详情', enablePullDownRefresh: true });
