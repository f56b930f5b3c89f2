// What is around every screen: the council's name, Leave now and Help. Its
// own component so that the start screen the server draws into the page
// (web/survey/prerender.tsx) is the very markup the app then takes over.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n.js';
import { Help } from './Help.js';
import { LeaveNow } from './LeaveNow.js';

export interface FrameProps {
  authority: string | undefined;
  contact: string | null | undefined;
  onLeave: () => void;
  /** A preview for portal staff (web/survey/preview.tsx): said on every screen, in English, as the portal is. */
  preview?: boolean;
  children: ComponentChildren;
}

export function Frame({ authority, contact, onLeave, preview, children }: FrameProps) {
  return (
    <div>
      <header class="top">
        {preview && (
          <p class="preview-mark" lang="en" dir="ltr">
            <strong>Preview</strong>: what respondents will see. Nothing answered here is kept or sent.
          </p>
        )}
        {/* dir=auto: a council name in Latin script keeps its own brackets in a right-to-left page. */}
        <span class="brand" dir="auto">
          {authority ?? t('survey.app_name')}
        </span>
        <LeaveNow onLeave={onLeave} />
        <Help authority={authority} contact={contact} />
      </header>
      <main>{children}</main>
    </div>
  );
}
