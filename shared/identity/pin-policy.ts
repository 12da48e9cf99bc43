// PIN rules (RULES.md Security, from OWASP ASVS practice): 6 digits, and not one a thief tries
// first. The same check runs in the form and in the cloud function.

const COMMON = new Set([
  '123123',
  '520520',
  '520131',
  '112233',
  '121212',
  '123321',
  '654321',
  '000000',
  '147258',
  '159753',
  '789456',
  '456789',
  '888888',
  '666666',
  '168168',
]);

/** Returns why a PIN is refused, or null when it is acceptable. */
export function pinProblem(pin: string): string | null {
  if (!/^\d{6}$/.test(pin)) return 'PIN 须为 6 位数字';
  if (/^(\d)\1{5}$/.test(pin)) return 'PIN 不能是 6 个相同的数字';
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => d - digits[i]);
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return 'PIN 不能是连续的数字';
  if (/^(\d\d)\1\1$/.test(pin) || /^(\d{3})\1$/.test(pin)) return 'PIN 不能是重复的数字组合';
  if (COMMON.has(pin)) return '这个 PIN 太常见，请换一个';
  return null;
}
