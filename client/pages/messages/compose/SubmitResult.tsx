import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';

// Shown once the message is stored: the tracking number is what the citizen must keep.

export function SubmitResult({
  trackingNo,
  unitName,
  unsure,
}: {
  trackingNo: string;
  unitName: string;
  unsure?: boolean;
}) {
  return (
    <View className="compose-result">
      <View className="compose-result__badge">✓</View>
      <Text className="compose-result__title">留言已提交</Text>
      <Text className="compose-result__label">查询编号</Text>
      <Text className="compose-result__no" userSelect selectable>
        {trackingNo}
      </Text>
      <Text className="compose-result__desc">
        {unsure ? '留言已送达县政府办公室，将由其转交负责的单位办理。' : unitName ? `留言已送达${unitName}。` : ''}
        请记下查询编号，可在“我的留言”中查看办理进度和答复。
      </Text>
      <View className="compose-result__actions">
        <Button
          block
          type="primary"
          size="large"
          onClick={() => void Taro.redirectTo({ url: '/pages/messages/mine/index' })}
        >
          查看我的留言
        </Button>
        <Button block fill="outline" size="large" onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
          返回首页
        </Button>
      </View>
    </View>
  );
}
