export default definePageConfig({ navigationBarTitleText: '舆情详情' });
