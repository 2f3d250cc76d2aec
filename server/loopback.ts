/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (how Node reports IPv4 peers on a dual-stack socket). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const ip = address.startsWith('::ffff:') ? address.slice(7) : address;
  return ip === '::1' || /^127(\.\d{1,3}){3}$/.test(ip);
}
