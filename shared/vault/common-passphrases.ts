/**
 * Passphrases of 15 characters or more that people choose first, or that famous examples taught them
 * (xkcd's "correct horse battery staple"), in Spanish and English. Short on purpose: the length rule
 * does most of the work; this list refuses only what an attacker's first guesses would find. Entries
 * are compared after `foldForBlocklist` (passphrase.ts): lower case, no spaces, so one entry covers
 * "Correct Horse Battery Staple" and "correcthorsebatterystaple". An entry shorter than 15 characters
 * as written could never be reached, and the tests refuse one.
 */
export const COMMON_PASSPHRASES: readonly string[] = [
  'correct horse battery staple',
  'correcthorsebatterystaple1',
  'password password',
  'passwordpassword',
  'password123456789',
  'mypasswordisstrong',
  'thisismypassword',
  'iloveyouiloveyou',
  'letmeinletmeinletmein',
  'qwertyuiopasdfghjkl',
  'qwertyuiopasdfgh',
  'qwertyqwertyqwerty',
  'asdfghjklasdfghjkl',
  'zxcvbnmzxcvbnmzx',
  '1234567890qwertyuiop',
  '123456789012345',
  '1234567890123456',
  '12345678901234567890',
  '111111111111111',
  '000000000000000',
  'abcdefghijklmnop',
  'abcdefghijklmnopqrstuvwxyz',
  'abc123abc123abc123',
  'contraseña contraseña',
  'contraseñasegura',
  'contraseña segura 123',
  'micontraseñasegura',
  'estaesmicontraseña',
  'mi contraseña es segura',
  'teamoteamoteamo',
  'holaholaholahola',
  'vigia vigia vigia',
  'vigíavigíavigía',
  'administrador123',
  'administrator123',
  'changemechangeme',
  'cambiamecambiame',
  'welcome to vigia',
  'bienvenido a vigía',
  'the quick brown fox jumps over the lazy dog',
  'el veloz murciélago hindú comía feliz cardillo y kiwi',
];
