/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** Cloud environment id for `Taro.cloud.init` (build-time, from env CLOUD_ENV). */
declare const CLOUD_ENV: string;
/** Origin of the local host's HTTP API on H5; '' means same origin (build-time, env API_BASE). */
declare const API_BASE: string;

// Optional so that server and test code type-checked under the same tsconfig is unaffected.
declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
  }
}
