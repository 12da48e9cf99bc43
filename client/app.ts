import type { PropsWithChildren } from 'react';
import { installSecurity } from './services/security';
import { prefetchSubscribeTemplates } from './services/notices';
import './app.scss';

// Every request is signed by this phone's device and every security refusal is routed from one
// place (services/security.ts); the cloud SDK is initialised lazily by services/transport.
installSecurity();
// Which WeChat subscribe-message templates to ask for, known before the first tap that needs them.
prefetchSubscribeTemplates();

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
