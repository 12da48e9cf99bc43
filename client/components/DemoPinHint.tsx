import { Text } from '@tarojs/components';
import { currentPersona } from '../services/session';

// H5 demo mode only: every seeded demo staff member's PIN (server/local/demo/seed.ts DEMO_PIN),
// so a visitor trying the product can unlock. Real staff never see it.
export const DEMO_PIN = '246810';

export function DemoPinHint() {
  const persona = currentPersona();
  if (!persona || persona.kind !== 'staff') return null;
  return <Text className="zw-demo-pin">演示 PIN：{DEMO_PIN}</Text>;
}
