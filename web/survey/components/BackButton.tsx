// Back, in the bottom bar of every screen after the first.
import { t } from '../i18n.js';

export function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button type="button" class="secondary" onClick={onBack}>
      {t('common.back')}
    </button>
  );
}
