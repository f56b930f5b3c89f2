// "Need to talk to someone now?" on every screen. A modal dialog over the
// current screen, so closing it leaves the child exactly where they were.
import { useRef } from 'preact/hooks';
import { t } from '../i18n.js';

/** Who at the council a child can reach: its own contact when it has given one. */
export function councilLine(authority: string | undefined, contact?: string | null | undefined): string {
  if (authority && contact) return t('help.council_contact', { authority, contact });
  return authority ? t('help.council', { authority }) : t('help.council_unknown');
}

/** `contact`: how to reach the council's children's services, when the council has given it. */
export function Help({ authority, contact }: { authority: string | undefined; contact?: string | null | undefined }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" class="help-button" onClick={() => dialog.current?.showModal()}>
        {t('common.help')}
      </button>
      <dialog ref={dialog} class="help" aria-labelledby="help-title">
        <h2 id="help-title">{t('common.help')}</h2>
        <p>{t('help.childline_intro')}</p>
        <p>
          <a class="link-button" href="tel:08001111">
            {t('help.call')}
          </a>
        </p>
        <p>
          <a class="link-button" href="https://www.childline.org.uk" target="_blank" rel="noopener noreferrer">
            {t('help.visit')}
          </a>
        </p>
        <p>{councilLine(authority, contact)}</p>
        <p>{t('help.emergency')}</p>
        <button type="button" class="primary" onClick={() => dialog.current?.close()}>
          {t('help.back')}
        </button>
      </dialog>
    </>
  );
}
