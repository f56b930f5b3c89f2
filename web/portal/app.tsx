// The portal shell: who is signed in, the navigation, and the page for
// the address after #.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { api, can, setCsrf, whenSignedOut, type Me, type Session } from './api.js';
import { useRoute } from './hooks.js';
import { ActionsPage } from './pages/Actions.js';
import { AuditPage } from './pages/Audit.js';
import { ChildrenResultsPage } from './pages/ChildrenResults.js';
import { PasswordPage } from './pages/Password.js';
import { QuestionnairePage, QuestionnairesPage } from './pages/Questionnaires.js';
import { ComparePage } from './pages/Compare.js';
import { ReportPage } from './pages/Report.js';
import { SafeguardingPage } from './pages/Safeguarding.js';
import { SheetPage } from './pages/Sheet.js';
import { SignIn } from './pages/SignIn.js';
import { UsersPage } from './pages/Users.js';
import { WavePage } from './pages/Wave.js';
import { WavesPage } from './pages/Waves.js';
import { YearsPage } from './pages/Years.js';

function page(route: string, me: Me) {
  let m: RegExpExecArray | null;
  if ((m = /^\/authorities\/([A-Z]\d{8})\/actions(?:\?(.*))?$/.exec(route))) return <ActionsPage code={m[1]!} query={m[2] ?? ''} me={me} />;
  if ((m = /^\/waves\/(\d+)\/report$/.exec(route))) return <ReportPage id={Number(m[1])} me={me} />;
  if ((m = /^\/waves\/(\d+)\/children-results$/.exec(route))) return <ChildrenResultsPage id={Number(m[1])} me={me} />;
  if ((m = /^\/waves\/(\d+)\/sheet$/.exec(route))) return <SheetPage id={Number(m[1])} />;
  if ((m = /^\/waves\/(\d+)$/.exec(route))) return <WavePage id={Number(m[1])} me={me} />;
  if ((m = /^\/questionnaires\/([a-z][a-z0-9-]*)(?:\?version=(\d+))?$/.exec(route))) return <QuestionnairePage id={m[1]!} version={m[2] ? Number(m[2]) : null} />;
  if (route === '/questionnaires') return <QuestionnairesPage me={me} />;
  if (route === '/years') return <YearsPage me={me} />;
  if (route === '/password') return <PasswordPage me={me} />;
  if (route === '/compare') return <ComparePage me={me} />;
  // A page the role may not see says so under its own title (it used to show the rounds under the tab's "Safeguarding").
  if (route === '/safeguarding') return can.safeguarding(me) ? <SafeguardingPage me={me} /> : <NotForRole title="Safeguarding" me={me} />;
  if (route === '/users') return can.admin(me) ? <UsersPage /> : <NotForRole title="Users" me={me} />;
  if ((m = /^\/audit(?:\?(.*))?$/.exec(route))) return can.admin(me) ? <AuditPage query={m[1] ?? ''} /> : <NotForRole title="Audit log" me={me} />;
  return <WavesPage me={me} query={/^\/\?(.*)$/.exec(route)?.[1] ?? ''} />;
}

/** Who may open the page, for the message to those who may not. */
const WHO: Record<string, string> = {
  Safeguarding: 'authority officers and programme admins',
  Users: 'programme admins',
  'Audit log': 'programme admins',
};

function NotForRole({ title, me }: { title: string; me: Me }) {
  return (
    <>
      <h1>{title}</h1>
      <p>
        Your account ({me.role.replace('_', ' ')}) cannot open this page: it is for {WHO[title]}. <a href="#/">Back to the survey rounds</a>
      </p>
    </>
  );
}

const TITLES: [RegExp, string][] = [
  [/\/report$/, 'Report'],
  [/\/sheet$/, 'Instruction sheet'],
  [/\/children-results$/, 'Results for children'],
  [/^\/waves\/\d+$/, 'Survey round'],
  [/\/actions(\?|$)/, 'Action plan'],
  [/^\/questionnaires\/./, 'Questionnaire'],
  [/^\/questionnaires/, 'Questionnaires'],
  [/^\/years/, 'Year on year'],
  [/^\/compare/, 'Compare authorities'],
  [/^\/safeguarding/, 'Safeguarding'],
  [/^\/users/, 'Users'],
  [/^\/audit/, 'Audit log'],
  [/^\/password/, 'Change your password'],
];

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const route = useRoute();
  // /session answers 200 signed in or not: opening the sign-in page is no failed request.
  const load = async () => {
    const s = await api<Session>('GET', '/session').catch(() => null);
    if (!s?.signedIn) return setMe(null);
    setCsrf(s.csrfToken);
    setMe(s);
  };
  useEffect(() => {
    whenSignedOut(() => setMe(null));
    void load();
  }, []);
  // In the same commit as the page, not a frame later: a screen reader
  // announces the new title with the new heading.
  useLayoutEffect(() => {
    const title = TITLES.find(([re]) => re.test(route))?.[1] ?? 'Survey rounds';
    document.title = me ? `${title} – Hear Me portal` : 'Sign in – Hear Me portal';
  }, [route, me]);

  if (me === undefined) return <p>Loading…</p>;
  if (me === null) return <SignIn onSignedIn={load} />;
  const link = (href: string, label: string) => (
    <li>
      <a href={`#${href}`} aria-current={route.split('?')[0] === href || (href === '/' && route.startsWith('/waves')) ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  const signOut = async () => {
    await api('POST', '/sign-out').catch(() => undefined);
    setMe(null);
  };
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header class="top">
        <p class="brand">Hear Me portal</p>
        <nav aria-label="Portal">
          <ul>
            {link('/', 'Survey rounds')}
            {link('/years', 'Year on year')}
            {link('/compare', 'Compare')}
            {link('/questionnaires', 'Questionnaires')}
            {can.safeguarding(me) && link('/safeguarding', 'Safeguarding')}
            {can.admin(me) && link('/users', 'Users')}
            {can.admin(me) && link('/audit', 'Audit log')}
          </ul>
        </nav>
        <p class="who">
          {me.email} ({me.role.replace('_', ' ')}) <a href="#/password">Change password</a>{' '}
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </p>
      </header>
      <main id="main" tabIndex={-1}>
        {page(route, me)}
      </main>
    </>
  );
}
