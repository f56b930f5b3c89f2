// "Leave now", at the top of every screen: for a young person who does not
// want to be seen answering. One tap clears the screen and forgets the
// unfinished answers, exactly as "No, start again" does.
import { t } from '../i18n.js';

export function LeaveNow({ onLeave }: { onLeave: () => void }) {
  return (
    <button type="button" class="leave-now" onClick={onLeave}>
      {t('survey.leave_now')}
    </button>
  );
}
