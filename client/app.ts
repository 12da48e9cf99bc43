import type { PropsWithChildren } from 'react';
import './app.scss';

// Pages render as children; the cloud SDK is initialised lazily by services/transport.
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
