import { describe, expect, it } from 'vitest';
import { isLoopbackAddress } from './loopback.js';

// How Node reports a peer in `socket.remoteAddress`: dotted IPv4, compressed IPv6, or IPv4
// mapped into IPv6 on a dual-stack socket. Only 127.0.0.0/8 and ::1 are this machine.
describe('isLoopbackAddress', () => {
  it.each([
    '127.0.0.1',
    '127.0.0.2',
    '127.1.2.3',
    '127.255.255.255',
    '127.0.0.0',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:127.10.20.30',
  ])('%s is loopback', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each([
    ['no address (the socket is already closed)', undefined],
    ['the empty string', ''],
    ['a private IPv4 address', '10.0.0.5'],
    ['another private range', '192.168.1.10'],
    ['a public address', '8.8.8.8'],
    ['the unspecified address', '0.0.0.0'],
    ['the IPv6 unspecified address', '::'],
    ['a private IPv4 mapped into IPv6', '::ffff:10.0.0.5'],
    ['a public IPv4 mapped into IPv6', '::ffff:8.8.8.8'],
    ['a link-local IPv6 address', 'fe80::1'],
    ['a unique-local IPv6 address', 'fd00::1'],
    ['a global IPv6 address', '2001:db8::1'],
    ['an address that only starts like ::1', '::10'],
    ['an address that only ends like ::1', '2001:db8::1:0:0:1'],
    ['a host name', 'localhost'],
    ['127 as a prefix of another number', '1270.0.0.1'],
    ['127 inside another address', '10.127.0.1'],
    ['127 without all four parts', '127.0.1'],
    ['127 with a fifth part', '127.0.0.1.5'],
    ['127 with a port', '127.0.0.1:80'],
    ['127 with surrounding space', ' 127.0.0.1'],
    ['127 with a trailing newline', '127.0.0.1\n'],
    ['a mapped prefix alone', '::ffff:'],
    ['a doubled mapped prefix', '::ffff:::ffff:127.0.0.1'],
    ['an IPv6 address embedding 127 elsewhere', '2001:db8::127.0.0.1'],
    ['a zone index on ::1', '::1%lo'],
  ])('%s (%j) is not loopback', (_what, address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});
