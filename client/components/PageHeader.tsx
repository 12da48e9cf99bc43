import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { IS_WEAPP } from '../services/env';
import './PageHeader.scss';

// H5 has no native navigation bar; this stands in for it. On weapp WeChat draws the real one.

export function PageHeader({ title }: { title: string }) {
  if (IS_WEAPP) return null;
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.reLaunch({ url: '/pages/home/index' });
  };
  return (
    <View className="zw-header">
      <Text className="zw-header__back" onClick={back}>
        ‹ 返回
      </Text>
      <Text className="zw-header__title">{title}</Text>
    </View>
  );
}
