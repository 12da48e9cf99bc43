export default definePageConfig({ navigationBarTitleText: '通报' });
