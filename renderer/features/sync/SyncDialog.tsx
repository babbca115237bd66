import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import type { SyncTab } from '../../store/sync-slice';
import { ModalDialog } from '../../ui/ModalDialog';
import { ContactsTab } from './ContactsTab';
import { IdentityGate } from './IdentityGate';
import { ReceiveTab } from './ReceiveTab';
import { SendTab } from './SendTab';
import './sync.css';

const TABS: readonly SyncTab[] = ['contacts', 'send', 'receive'];

/** The header's Sync button and its dialog: identity first, then contact cards, sending and receiving. */
export function SyncButton({ openCase }: { openCase: Case | undefined }) {
  const { t } = useTranslation();
  const openSync = useUiStore((s) => s.openSync);
  return (
    <>
      <button type="button" className="button quiet" onClick={() => openSync()}>
        {t('sync.open')}
      </button>
      <SyncDialog openCase={openCase} />
    </>
  );
}

function SyncDialog({ openCase }: { openCase: Case | undefined }) {
  const { t } = useTranslation();
  const openTab = useUiStore((s) => openDialogOf(s, 'sync')?.tab);
  const open = openTab !== undefined;
  const tab = openTab ?? 'contacts';
  const { openSync, closeDialog } = useUiStore.getState();
  const closeSync = () => closeDialog('sync');
  return (
    <ModalDialog open={open} onClose={closeSync} title={t('sync.title')} markedCase={openCase} className="sync-dialog">
      <IdentityGate>
        {(identity) => (
          <>
            <div role="tablist" aria-label={t('sync.tabs.label')} className="sync-tabs">
              {TABS.map((name) => (
                <button key={name} type="button" role="tab" aria-selected={tab === name} className="button quiet" onClick={() => openSync(name)}>
                  {t(`sync.tabs.${name}`)}
                </button>
              ))}
            </div>
            <div role="tabpanel" aria-label={t(`sync.tabs.${tab}`)}>
              {tab === 'contacts' && <ContactsTab identity={identity} />}
              {tab === 'send' && <SendTab openCase={openCase} />}
              {tab === 'receive' && <ReceiveTab identity={identity} />}
            </div>
          </>
        )}
      </IdentityGate>
    </ModalDialog>
  );
}
