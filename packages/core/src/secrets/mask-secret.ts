/** Shows that a secret is set without revealing it: the last 4 characters at most, none for short ones. */
export function maskSecret(value: string): string {
  if (value.length < 12) return '••••';
  return `••••${value.slice(-4)}`;
}
