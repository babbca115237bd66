import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { EventForm } from './EventForm';
import { LinkForm } from './LinkForm';
import { PersonForm } from './PersonForm';
import { SentenceForm } from './SentenceForm';
import { SourceForm } from './SourceForm';
import { StayForm } from './StayForm';
import { TransferForm } from './TransferForm';

/** Shows the editor the analyst opened, one at a time. */
export function EditorHost() {
  const editor = useUiStore((s) => openDialogOf(s, 'editor')?.editor);
  if (!editor) return null;
  switch (editor.kind) {
    case 'person':
      return <PersonForm key={editor.personId ?? 'new'} personId={editor.personId} />;
    case 'stay':
      return <StayForm key={editor.stayId ?? 'new'} personId={editor.personId} stayId={editor.stayId} />;
    case 'transfer':
      return <TransferForm personId={editor.personId} />;
    case 'sentence':
      return <SentenceForm key={editor.sentenceId ?? 'new'} personId={editor.personId} sentenceId={editor.sentenceId} />;
    case 'link':
      return <LinkForm key={editor.linkId ?? 'new'} personId={editor.personId} linkId={editor.linkId} />;
    case 'source':
      return <SourceForm key={editor.sourceId ?? 'new'} sourceId={editor.sourceId} />;
    case 'event':
      return <EventForm key={editor.eventId ?? 'new'} personId={editor.personId} eventId={editor.eventId} />;
    default:
      return null;
  }
}
