export { FAKE_CLIENT_ID, FAKE_TENANT_ID, startEntraFake, type EntraFake, type EntraFakeOptions, type MintOptions, type TokenClaims } from './fake.js';
