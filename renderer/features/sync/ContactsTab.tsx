import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseContactCard, type ContactCard } from '../../../shared/identity';
import { useDatabase, type StoredIdentity, listContacts, removeContact, trustContact } from '../../db';
import { getBridge } from '../../platform/bridge';
import { Fingerprint } from './Fingerprint';
import { plainFileName } from './file-names';
import { TrustPrompt } from './TrustPrompt';

export const CARD_EXTENSION = 'json';

/** My contact card (to read aloud and to export) and the keyring of colleagues' cards. */
export function ContactsTab({ identity }: { identity: StoredIdentity }) {
  return (
    <>
      <MyCard identity={identity} />
      <Keyring identity={identity} />
    </>
  );
}

function MyCard({ identity }: { identity: StoredIdentity }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>();

  async function exportCard() {
    const card: ContactCard = { format: 'vigia-contact', version: 1, name: identity.name, ageRecipient: identity.ageRecipient, signingKey: identity.signingKey, fingerprint: identity.fingerprint };
    const bytes = new TextEncoder().encode(JSON.stringify(card, null, 2) + '\n');
    const saved = await getBridge().saveFile({ suggestedName: plainFileName(`${identity.name}-vigia-contact`, CARD_EXTENSION), bytes });
    setStatus(saved.ok ? t('sync.card.exported', { name: saved.value.name }) : t(`sync.bridgeError.${saved.error}`));
  }

  return (
    <section className="sync-section" aria-labelledby="sync-my-card">
      <h3 id="sync-my-card">{t('sync.card.title')}</h3>
      <dl className="sync-card">
        <dt>{t('sync.card.name')}</dt>
        <dd>{identity.name}</dd>
        <dt>{t('sync.card.recipient')}</dt>
        <dd><code className="sync-key">{identity.ageRecipient}</code></dd>
        <dt>{t('sync.card.signingKey')}</dt>
        <dd><code className="sync-key">{identity.signingKey}</code></dd>
        <dt>{t('sync.card.fingerprint')}</dt>
        <dd><Fingerprint value={identity.fingerprint} testId="my-fingerprint" /></dd>
      </dl>
      <p className="sync-hint">{t('sync.card.readAloud')}</p>
      <button type="button" className="button secondary" onClick={() => void exportCard()}>
        {t('sync.card.export')}
      </button>
      {status && <p role="status">{status}</p>}
    </section>
  );
}

function Keyring({ identity }: { identity: StoredIdentity }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const contacts = useLiveQuery(() => listContacts(db), [db]) ?? [];
  const [pending, setPending] = useState<ContactCard>();
  const [message, setMessage] = useState<{ text: string; alert: boolean }>();

  async function importCard() {
    setMessage(undefined);
    const opened = await getBridge().openFile({ extensions: [CARD_EXTENSION] });
    if (!opened.ok) {
      if (opened.error !== 'cancelled') setMessage({ text: t(`sync.bridgeError.${opened.error}`), alert: true });
      return;
    }
    const parsed = parseContactCard(new TextDecoder().decode(opened.value.bytes));
    if (!parsed.ok) return setMessage({ text: t(`sync.cardError.${parsed.code}`), alert: true });
    if (parsed.card.fingerprint === identity.fingerprint) return setMessage({ text: t('sync.cardError.own_card'), alert: true });
    setPending(parsed.card);
  }

  async function trust(card: ContactCard) {
    const trusted = await trustContact(db, card);
    setPending(undefined);
    setMessage(trusted.ok ? { text: t('sync.keyring.trusted', { name: card.name }), alert: false } : { text: t(`sync.cardError.${trusted.code}`), alert: true });
  }

  return (
    <section className="sync-section" aria-labelledby="sync-keyring">
      <h3 id="sync-keyring">{t('sync.keyring.title')}</h3>
      {contacts.length === 0 ? (
        <p>{t('sync.keyring.empty')}</p>
      ) : (
        <ul className="sync-contacts" aria-label={t('sync.keyring.colleagues')}>
          {contacts.map((c) => (
            <li key={c.fingerprint}>
              <strong>{c.name}</strong> <Fingerprint value={c.fingerprint} />{' '}
              <button type="button" className="button quiet" onClick={() => void removeContact(db, c.fingerprint)}>
                {t('sync.keyring.remove', { name: c.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {pending ? (
        <TrustPrompt
          title={t('sync.keyring.compareTitle', { name: pending.name })}
          intro={t('sync.keyring.compare', { name: pending.name })}
          name={pending.name}
          fingerprint={pending.fingerprint}
          trustLabel={t('sync.keyring.trust', { name: pending.name })}
          onTrust={() => void trust(pending)}
          onDiscard={() => setPending(undefined)}
        />
      ) : (
        <button type="button" className="button secondary" onClick={() => void importCard()}>
          {t('sync.keyring.import')}
        </button>
      )}
      {message && <p role={message.alert ? 'alert' : 'status'} className={message.alert ? 'form-summary' : undefined}>{message.text}</p>}
    </section>
  );
}

