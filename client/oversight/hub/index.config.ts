export default definePageConfig({ navigationBarTitleText: '督查与值班' });
