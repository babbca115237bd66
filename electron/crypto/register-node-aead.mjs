// `node --import ./electron/crypto/register-node-aead.mjs --import tsx …` (the CLI and the bench):
// typage's ChaCha20-Poly1305 becomes OpenSSL's through node:crypto (node-aead.ts). Load it before
// tsx, so tsx's hooks run first and compile the TypeScript adapter this one points to.
import { register } from 'node:module';

register('./age-aead-hooks.mjs', import.meta.url);
