import { useLanguage } from '../../i18n/use-language';
import { LanguageSelect } from '../../ui/LanguageSelect';

/** Switches the UI language and remembers it on this workstation. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  return <LanguageSelect value={language} onChange={(locale) => void setLanguage(locale)} />;
}
