/** C0 controls, space excluded unless asked, and DEL: characters that can split or smuggle a request. */
export function hasControlCharacter(text: string, options: { spaceToo?: boolean } = {}): boolean {
  const limit = options.spaceToo ? 0x20 : 0x1f;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= limit || code === 0x7f) return true;
  }
  return false;
}
