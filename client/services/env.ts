// Build-time facts the services need; guarded so unit tests under plain Node can import them.

export const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** Origin of the local host's API on H5; '' is the page's own origin. */
export const API_ORIGIN: string = typeof API_BASE === 'string' ? API_BASE : '';

export const CLOUD_ENV_ID: string = typeof CLOUD_ENV === 'string' ? CLOUD_ENV : 'zhengwu-demo';
