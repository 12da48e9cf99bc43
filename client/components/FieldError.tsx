import { Text } from '@tarojs/components';

/** The message for one form field, shown right under it. */
export function FieldError({ message }: { message?: string | null }) {
  if (!message) return null;
  return <Text className="zw-field-error">{message}</Text>;
}
