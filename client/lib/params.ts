// Page query values: WeChat hands them over still percent-encoded, H5 already decoded.
export function queryParam(value: string | undefined | null): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
